import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { type AppRouter, createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { defaultServices } from "@/server/services";
import { createQueryClient } from "./query-client";

/** One context per server render: the page's request headers carry the session cookie. */
const createContext = cache(async () =>
  createTRPCContext({ headers: new Headers(await headers()), source: "rsc" }, defaultServices()),
);

const getQueryClient = cache(createQueryClient);

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(
  createCaller(createContext),
  getQueryClient,
);
