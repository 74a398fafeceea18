import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "@/lib/input";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { defaultServices } from "@/server/services";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // A longer batch is refused (400) before any of its calls runs, so one request can't queue
    // hundreds of writes ahead of other tenants.
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders }) =>
      createTRPCContext({ headers: req.headers, resHeaders, source: "http" }, defaultServices()),
    // Answers carry a member's tenant data (or say who is signed in): never for shared caches,
    // nor for the browser's disk cache.
    responseMeta: () => ({ headers: new Headers({ "Cache-Control": "private, no-store" }) }),
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // The driver's own reason (e.g. "Connection terminated unexpectedly") sits under the
        // query error: log the whole chain, or a failure can't be told from another.
        const causes: string[] = [];
        for (let c = error.cause?.cause; c instanceof Error; c = c.cause) causes.push(c.message);
        console.error(
          JSON.stringify({ level: "error", msg: "trpc", path, error: error.message, causes }),
        );
      }
    },
  });
}

export { handler as GET, handler as POST };
