import { eq } from "drizzle-orm";
import type { UserCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { users } from "@/server/db/schema";

export async function updateProfile(
  ctx: UserCtx,
  input: { name: string; timeZone: string },
): Promise<void> {
  await ctx.db.update(users).set(input).where(eq(users.id, ctx.user.id));
}

/** One account per (lower-cased) address; concurrent sign-ins of a new address make one user. */
export async function findOrCreateUserByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; created: boolean }> {
  const [created] = await db
    .insert(users)
    .values({ email })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (created) return { id: created.id, created: true };
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: existing!.id, created: false };
}
