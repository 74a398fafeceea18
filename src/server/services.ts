import type { LanguageModel } from "ai";
import { env } from "@/env";
import { type EmailSender, getEmailSender } from "./adapters/email";
import { getRedis } from "./adapters/redis";
import { createSignInLimits, type SignInLimits } from "./auth/rate-limit";
import { type Clock, systemClock } from "./clock";
import { createModelFromEnv } from "./content/generator";
import { type Db, getDb } from "./db/client";

/** The adapters a request or job runs against; tests build their own. */
export interface Services {
  db: Db;
  clock: Clock;
  email: EmailSender;
  limits: SignInLimits;
  appUrl: string;
  /** The LLM for drafts, or null: the template engine then writes every draft. */
  model: LanguageModel | null;
}

let limits: SignInLimits | undefined;
let model: LanguageModel | null | undefined;

export function defaultServices(): Services {
  limits ??= createSignInLimits(getRedis());
  model ??= createModelFromEnv(env);
  return {
    db: getDb(),
    clock: systemClock,
    email: getEmailSender(),
    limits,
    appUrl: env.APP_URL,
    model,
  };
}
