/** The lead pipeline: new → contacted → qualified → converted, or lost on the way (and reopened). */
import type { LeadStatus } from "@/server/db/schema";
import { DomainError } from "@/server/errors";

export const STATUS_LABELS: Record<LeadStatus, string> = {
  new: "New",
  contacted: "Contacted",
  qualified: "Qualified",
  converted: "Converted",
  lost: "Lost",
};

/** Where each status may go next. Converted is final; a lost lead can be reopened as new. */
export const NEXT_STATUSES: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ["contacted", "lost"],
  contacted: ["qualified", "lost"],
  qualified: ["converted", "lost"],
  converted: [],
  lost: ["new"],
};

/** The forward path, for the stepper. */
export const PIPELINE: readonly LeadStatus[] = ["new", "contacted", "qualified", "converted"];

export function canMove(from: LeadStatus, to: LeadStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** Refuses a move the pipeline doesn't allow, saying which moves are possible instead. */
export function assertTransition(from: LeadStatus, to: LeadStatus): void {
  if (canMove(from, to)) return;
  const label = (s: LeadStatus) => STATUS_LABELS[s].toLowerCase();
  if (from === to) {
    throw new DomainError(
      "CONFLICT",
      `This lead is already ${label(to)}. Reload to see its status.`,
    );
  }
  if (from === "converted") {
    throw new DomainError(
      "BAD_REQUEST",
      "This lead is already converted, which is final. Add a note instead if something changed.",
    );
  }
  const next = NEXT_STATUSES[from].map((s) => `“${STATUS_LABELS[s]}”`).join(" or ");
  const path = PIPELINE.indexOf(to) > PIPELINE.indexOf(from) && from !== "lost";
  throw new DomainError(
    "BAD_REQUEST",
    `A ${label(from)} lead can't be marked ${label(to)} directly. ` +
      (path
        ? `Move it through the pipeline one step at a time: next is ${next}.`
        : `From ${label(from)} it can go to ${next}.`),
  );
}
