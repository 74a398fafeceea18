import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { defaultServices } from "@/server/services";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
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
