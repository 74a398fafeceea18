import { env } from "@/env";
import { type EmailSender, getEmailSender } from "./adapters/email";
import { getRedis } from "./adapters/redis";
import { createSignInLimits, type SignInLimits } from "./auth/rate-limit";
import { type Clock, systemClock } from "./clock";
import { type Db, getDb } from "./db/client";

/** The adapters a request or job runs against; tests build their own. */
export interface Services {
  db: Db;
  clock: Clock;
  email: EmailSender;
  limits: SignInLimits;
  appUrl: string;
}

let limits: SignInLimits | undefined;

export function defaultServices(): Services {
  limits ??= createSignInLimits(getRedis());
  return { db: getDb(), clock: systemClock, email: getEmailSender(), limits, appUrl: env.APP_URL };
}
