import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { INTERNAL_ERROR_MESSAGE } from "./trpc";

/** The shape the browser receives for an error, through the app's own error formatter. */
function shapeOf(error: TRPCError) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: "query",
    path: "post.get",
    input: undefined,
    ctx: undefined,
  });
}

describe("tRPC error formatter", () => {
  it("never sends an internal error's detail (SQL, ids) to the browser, in any environment", () => {
    const sql =
      'Failed query: select "posts"."id" from "posts" where "posts"."id" = $1\nparams: 42';
    const shape = shapeOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: sql }));
    expect(process.env.NODE_ENV).not.toBe("production");
    expect(shape.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(JSON.stringify(shape)).not.toMatch(/select|params|posts/);
  });

  it("keeps the user-facing message of every other error", () => {
    const shape = shapeOf(
      new TRPCError({ code: "NOT_FOUND", message: "That post was not found." }),
    );
    expect(shape.message).toBe("That post was not found.");
  });
});
