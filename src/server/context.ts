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

/** The org comes from the session's verified membership, never from client input. */
export interface OrgCtx extends UserCtx {
  org: { id: string; role: OrgRole };
}
