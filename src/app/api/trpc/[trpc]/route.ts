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
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(JSON.stringify({ level: "error", msg: "trpc", path, error: error.message }));
      }
    },
  });
}

export { handler as GET, handler as POST };
