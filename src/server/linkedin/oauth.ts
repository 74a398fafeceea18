import {
  ArcticFetchError,
  OAuth2RequestError,
  OAuth2Tokens,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "arctic";
import { deriveKey } from "@/server/auth/signed-value";

export interface LinkedInOAuthConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** https://www.linkedin.com/oauth/v2 in production; the sandbox's /oauth/v2 locally. */
  oauthUrl: string;
}

/**
 * LinkedIn's OAuth 2.0 authorization-code flow with arctic's token model and errors. arctic's own
 * `LinkedIn` provider hard-codes www.linkedin.com and its generic client sends the secret with
 * HTTP Basic, which LinkedIn refuses, so this class builds the same requests (secret in the body,
 * no PKCE) against a configurable base: production and the local sandbox differ only by env.
 */
export class LinkedInOAuth {
  /**
   * Signs the flow cookie (oauth-flow.ts). Derived from the client secret, which every server
   * running this flow has, so there is no extra secret to provision or rotate.
   */
  readonly flowCookieKey: Uint8Array;

  constructor(private readonly config: LinkedInOAuthConfig) {
    this.flowCookieKey = deriveKey(config.clientSecret, "tla:linkedin-oauth-flow-cookie");
  }

  createAuthorizationURL(state: string, scopes: readonly string[]): URL {
    const url = new URL(`${this.config.oauthUrl}/authorization`);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", this.config.clientId);
    url.searchParams.set("state", state);
    url.searchParams.set("scope", scopes.join(" "));
    url.searchParams.set("redirect_uri", this.config.redirectUri);
    return url;
  }

  validateAuthorizationCode(code: string): Promise<OAuth2Tokens> {
    return this.tokenRequest({
      grant_type: "authorization_code",
      code,
      redirect_uri: this.config.redirectUri,
    });
  }

  refreshAccessToken(refreshToken: string): Promise<OAuth2Tokens> {
    return this.tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });
  }

  private async tokenRequest(params: Record<string, string>): Promise<OAuth2Tokens> {
    const body = new URLSearchParams({
      ...params,
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    });
    let response: Response;
    try {
      response = await fetch(`${this.config.oauthUrl}/accessToken`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
          "User-Agent": "arctic",
        },
        body,
      });
    } catch (error) {
      throw new ArcticFetchError(error);
    }
    const data: unknown = await response.json().catch(() => null);
    if (response.status === 200 && isObject(data)) return new OAuth2Tokens(data);
    if ((response.status === 400 || response.status === 401) && isObject(data)) {
      if (typeof data.error !== "string") {
        throw new UnexpectedErrorResponseBodyError(response.status, data);
      }
      throw new OAuth2RequestError(
        data.error,
        typeof data.error_description === "string" ? data.error_description : null,
        null,
        null,
      );
    }
    throw new UnexpectedResponseError(response.status);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** LinkedIn lists granted scopes comma-separated (OAuth's standard is spaces): accept both. */
export function grantedScopes(tokens: OAuth2Tokens): string[] {
  const scope = (tokens.data as { scope?: unknown }).scope;
  return typeof scope === "string" ? scope.split(/[\s,]+/).filter(Boolean) : [];
}
