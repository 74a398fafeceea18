/** Per-user limits on costly mutations: drafts, imports, publishing. */
import { describe, expect, it } from "vitest";
import { ACTION_LIMITS } from "@/server/auth/rate-limit";
import { callerFor, signedInUser, testServices } from "@/server/testing/fixtures";
import { callProcedure } from "@/server/testing/procedures";

const post = crypto.randomUUID();
const COSTLY = [
  {
    path: "content.generate",
    limit: ACTION_LIMITS.generateByUser,
    input: { topic: "Platform teams", frameworks: ["technical_insight"] },
  },
  {
    path: "engagement.importComments",
    limit: ACTION_LIMITS.importByUser,
    input: { postId: post, format: "paste", content: "Great post!" },
  },
  {
    path: "linkedin.publishNow",
    limit: ACTION_LIMITS.publishByUser,
    input: { postId: post, accountId: crypto.randomUUID() },
  },
];

describe("costly mutations", () => {
  it.each(COSTLY)(
    "$path is limited per user, with when to try again",
    async ({ path, limit, input }) => {
      const services = testServices();
      const { token } = await signedInUser(services);
      await (await callerFor(services, token)).organization.create({
        name: "Busy",
        kind: "standard",
      });
      const api = await callerFor(services, token);
      for (let i = 0; i < limit.tokens; i++) {
        const result = await callProcedure(api, path, input);
        if (!result.ok) expect(result.error.code).not.toBe("TOO_MANY_REQUESTS");
      }
      const over = await callProcedure(api, path, input);
      expect(over).toMatchObject({
        ok: false,
        error: {
          code: "TOO_MANY_REQUESTS",
          message: expect.stringMatching(/Try again in \d+ minutes?\./),
        },
      });

      // The limit is per person: another account is not held back.
      const { token: otherToken } = await signedInUser(services);
      const other = await callProcedure(await callerFor(services, otherToken), path, input);
      if (!other.ok) expect(other.error.code).not.toBe("TOO_MANY_REQUESTS");
    },
  );
});
