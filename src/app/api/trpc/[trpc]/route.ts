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
        console.error(JSON.stringify({ level: "error", msg: "trpc", path, error: error.message }));
      }
    },
  });
}

export { handler as GET, handler as POST };
