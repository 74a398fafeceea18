import type { LanguageModel } from "ai";
import { env } from "@/env";
import { type EmailSender, getEmailSender } from "./adapters/email";
import { createQStashPublisher, type QStashPublisher } from "./adapters/qstash";
import { getRedis } from "./adapters/redis";
import {
  type ActionLimits,
  createActionLimits,
  createSignInLimits,
  type SignInLimits,
} from "./auth/rate-limit";
import { type Clock, systemClock } from "./clock";
import { createModelFromEnv } from "./content/generator";
import { createTokenCipher, type TokenCipher } from "./crypto/token-cipher";
import { type Db, getDb } from "./db/client";
import { createCallBudget } from "./linkedin/budget";
import { createLinkedInClient, type LinkedInClient } from "./linkedin/client";
import { LinkedInOAuth } from "./linkedin/oauth";

/** The adapters a request or job runs against; tests build their own. */
export interface Services {
  db: Db;
  redis: ReturnType<typeof getRedis>;
  clock: Clock;
  email: EmailSender;
  limits: SignInLimits;
  actionLimits: ActionLimits;
  appUrl: string;
  /** Where the client's address is (env CLIENT_IP_HEADER). */
  clientIpHeader: string;
  /** The LLM for drafts, or null: the template engine then writes every draft. */
  model: LanguageModel | null;
  linkedin: LinkedInClient;
  /** Null when LINKEDIN_CLIENT_ID/SECRET are unset. */
  linkedinOAuth: LinkedInOAuth | null;
  linkedinScopes: string[];
  /** Null when TOKEN_ENCRYPTION_KEYS is unset: LinkedIn connections then can't be stored. */
  cipher: TokenCipher | null;
  /** Delayed messages to our job endpoints. */
  qstash: QStashPublisher;
}

/** LinkedIn doesn't publish its daily limits; ours stay below the defaults seen in practice. */
export const LINKEDIN_DAILY_LIMITS = { member: 120, app: 90_000 };

export function linkedinServices(
  config: typeof env,
  deps: { redis: ReturnType<typeof getRedis>; clock: Clock },
): Pick<Services, "linkedin" | "linkedinOAuth" | "linkedinScopes" | "cipher"> {
  return {
    linkedin: createLinkedInClient({
      apiUrl: config.LINKEDIN_API_URL,
      version: config.LINKEDIN_VERSION,
      clock: deps.clock,
      budget: createCallBudget({
        redis: deps.redis,
        clock: deps.clock,
        memberLimit: LINKEDIN_DAILY_LIMITS.member,
        appLimit: LINKEDIN_DAILY_LIMITS.app,
      }),
    }),
    linkedinOAuth:
      config.LINKEDIN_CLIENT_ID && config.LINKEDIN_CLIENT_SECRET
        ? new LinkedInOAuth({
            clientId: config.LINKEDIN_CLIENT_ID,
            clientSecret: config.LINKEDIN_CLIENT_SECRET,
            oauthUrl: config.LINKEDIN_OAUTH_URL,
            redirectUri: `${config.APP_URL}/api/auth/linkedin/callback`,
          })
        : null,
    linkedinScopes: config.LINKEDIN_SCOPES.split(/\s+/).filter(Boolean),
    cipher: config.TOKEN_ENCRYPTION_KEYS ? createTokenCipher(config.TOKEN_ENCRYPTION_KEYS) : null,
  };
}

let limits: SignInLimits | undefined;
let actionLimits: ActionLimits | undefined;
let model: LanguageModel | null | undefined;
let qstash: QStashPublisher | undefined;
let linkedin: ReturnType<typeof linkedinServices> | undefined;

export function defaultServices(): Services {
  limits ??= createSignInLimits(getRedis());
  actionLimits ??= createActionLimits(getRedis());
  model ??= createModelFromEnv(env);
  qstash ??= createQStashPublisher({
    baseUrl: env.QSTASH_URL,
    token: env.QSTASH_TOKEN,
    appUrl: env.APP_URL,
  });
  linkedin ??= linkedinServices(env, { redis: getRedis(), clock: systemClock });
  return {
    ...linkedin,
    db: getDb(),
    redis: getRedis(),
    clock: systemClock,
    email: getEmailSender(),
    limits,
    actionLimits,
    appUrl: env.APP_URL,
    clientIpHeader: env.CLIENT_IP_HEADER,
    model,
    qstash,
  };
}
