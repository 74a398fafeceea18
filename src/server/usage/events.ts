import { and, eq, gte, sum } from "drizzle-orm";
import type { Db, Tx } from "@/server/db/client";
import { usageEvents } from "@/server/db/schema";

export type UsageKind = "post.generated" | "post.approved";

export async function recordUsage(
  db: Db | Tx,
  event: {
    organizationId: string;
    userId: string | null;
    kind: UsageKind;
    quantity?: number;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(usageEvents).values(event);
}

export async function usageSince(
  db: Db,
  organizationId: string,
  kind: UsageKind,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ total: sum(usageEvents.quantity) })
    .from(usageEvents)
    .where(
      and(
        eq(usageEvents.organizationId, organizationId),
        eq(usageEvents.kind, kind),
        gte(usageEvents.createdAt, since),
      ),
    );
  return Number(row?.total ?? 0);
}
