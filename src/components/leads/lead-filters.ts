import type { LeadRowPriority, LeadStatus } from "@/server/db/schema/leads";
import { LEAD_STATUS_LIST, PRIORITIES } from "./labels";

export const LEADS_PAGE_SIZE = 20;

/** The inbox's filters, as they appear in its URL (so Back and shared links keep them). */
export interface LeadFilters {
  priority?: LeadRowPriority;
  status?: LeadStatus;
  q?: string;
}

export function parseLeadFilters(params: URLSearchParams): LeadFilters {
  const priority = params.get("priority");
  const status = params.get("status");
  const q = params.get("q")?.trim();
  return {
    ...(PRIORITIES.includes(priority as LeadRowPriority) && {
      priority: priority as LeadRowPriority,
    }),
    ...(LEAD_STATUS_LIST.includes(status as LeadStatus) && { status: status as LeadStatus }),
    ...(q && { q: q.slice(0, 200) }),
  };
}

export function leadFiltersQuery(filters: LeadFilters): string {
  const params = new URLSearchParams();
  for (const key of ["priority", "status", "q"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasLeadFilters(filters: LeadFilters): boolean {
  return Boolean(filters.priority || filters.status || filters.q);
}

/** The lead.list input; server prefetch and client query must build the same. */
export function leadListInput(filters: LeadFilters) {
  return {
    limit: LEADS_PAGE_SIZE,
    ...(filters.priority && { priority: filters.priority }),
    ...(filters.status && { status: filters.status }),
    ...(filters.q && { search: filters.q }),
  };
}
