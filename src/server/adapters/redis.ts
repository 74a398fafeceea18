import { Redis } from "@upstash/redis";
import { env } from "@/env";

let redis: Redis | undefined;

/** Upstash's REST client: stateless HTTP, so nothing is held open between requests. */
export function getRedis(): Redis {
  redis ??= new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
  return redis;
}
