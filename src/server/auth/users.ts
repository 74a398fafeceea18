import { eq } from "drizzle-orm";
import type { UserCtx } from "@/server/context";
import { users } from "@/server/db/schema";

export async function updateProfile(
  ctx: UserCtx,
  input: { name: string; timeZone: string },
): Promise<void> {
  await ctx.db.update(users).set(input).where(eq(users.id, ctx.user.id));
}
