import type { Clock } from "./clock";
import type { Db } from "./db/client";
import type { OrgRole } from "./orgs/roles";

/** What every domain function gets explicitly, so it runs the same from tRPC, jobs and tests. */
export interface BaseCtx {
  db: Db;
  clock: Clock;
}

export interface UserCtx extends BaseCtx {
  user: { id: string; email: string; name: string | null };
}

/**
 * Acting on one org's rows without a person behind it (background jobs). The org comes from the
 * session's verified membership or from a job's stored row, never from client input alone.
 */
export interface TenantCtx extends BaseCtx {
  org: { id: string };
}

/** A signed-in member acting in their active org, with their role there. */
export interface OrgCtx extends UserCtx, TenantCtx {
  org: { id: string; role: OrgRole };
}
