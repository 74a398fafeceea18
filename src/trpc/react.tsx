"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  httpBatchLink,
  httpBatchStreamLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
} from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import superjson from "superjson";
import { MAX_BATCH_SIZE } from "@/lib/input";
import type { AppRouter } from "@/server/api/root";
import { createQueryClient } from "./query-client";

let clientQueryClient: QueryClient | undefined;

const linkOptions = {
  transformer: superjson,
  url: "/api/trpc",
  headers: () => ({ "x-trpc-source": "react" }),
  // The server refuses longer batches; the links split bigger ones into several requests.
  maxItems: MAX_BATCH_SIZE,
};

function getQueryClient() {
  // The server renders with a fresh client per request; the browser keeps one.
  if (typeof window === "undefined") return createQueryClient();
  clientQueryClient ??= createQueryClient();
  return clientQueryClient;
}

export const api = createTRPCReact<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === "development" ||
            (op.direction === "down" && op.result instanceof Error),
        }),
        splitLink({
          // Subscriptions are Server-Sent Events (GET, same-origin cookie). The browser's
          // EventSource reconnects on its own and the link resends the last event id, so the
          // server resumes right after what this tab already has.
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: linkOptions.url, transformer: superjson }),
          // A streamed response sends its headers before the procedure runs, which would drop the
          // Set-Cookie of sign-in and sign-out; mutations therefore use the plain batch link.
          false: splitLink({
            condition: (op) => op.type === "mutation",
            true: httpBatchLink(linkOptions),
            false: httpBatchStreamLink(linkOptions),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <api.Provider client={trpcClient} queryClient={queryClient}>
        {children}
      </api.Provider>
    </QueryClientProvider>
  );
}
