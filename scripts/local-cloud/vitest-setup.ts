import type { TestProject } from "vitest/node";
import { startLocalCloud } from "./index";

/**
 * One local cloud for the whole test run. TEST_DATABASE_URL / TEST_REDIS_URL (set by .ci/run)
 * point it at real servers, with a fresh database per run; unset, everything is embedded.
 */
export default async function setup(project: TestProject) {
  const cloud = await startLocalCloud({
    postgresUrl: process.env.TEST_DATABASE_URL,
    redisUrl: process.env.TEST_REDIS_URL,
    database: `tla_test_${Date.now().toString(36)}_${process.pid}`,
    dropDatabaseOnStop: true,
  });
  Object.assign(process.env, cloud.env, { NODE_ENV: "test" });
  project.provide("backends", cloud.backends);
  return () => cloud.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    backends: { postgres: "postgres" | "embedded"; redis: "redis" | "memory" };
  }
}
