import { describe, expect, it } from "vitest";
import {
  budgetExhausted,
  classifyResponse,
  isThrottleMessage,
  LinkedInError,
  throttleRetryAdvice,
  transportError,
} from "./errors";

const none = new Headers();
const classify = (status: number, body: unknown = {}, headers = none, context = {}) =>
  classifyResponse(status, body, headers, context);

describe("classifyResponse", () => {
  it("tells expired from revoked tokens, by code, subcode or message", () => {
    const expired = classify(401, {
      status: 401,
      serviceErrorCode: 65602,
      code: "EXPIRED_ACCESS_TOKEN",
      message: "The token used in the request has expired",
    });
    expect(expired).toBeInstanceOf(LinkedInError);
    expect(expired).toMatchObject({ kind: "auth", status: 401, code: "EXPIRED_ACCESS_TOKEN" });
    expect(expired.userMessage).toBe(
      "LinkedIn says your connection has expired. Reconnect LinkedIn, then try again.",
    );
    expect(
      classify(401, { message: "The token used in the request has expired" }).userMessage,
    ).toBe(expired.userMessage);

    const revokedBySubcode = classify(401, { serviceErrorCode: 65601, message: "x" });
    expect(revokedBySubcode.code).toBe("REVOKED_ACCESS_TOKEN");
    expect(revokedBySubcode.userMessage).toMatch(/removed from your LinkedIn account/);

    const revokedByMessage = classify(401, { message: "token has been revoked by the user" });
    expect(revokedByMessage.userMessage).toMatch(/removed/);

    const invalid = classify(401, { serviceErrorCode: 65600, message: "Invalid access token" });
    expect(invalid).toMatchObject({ kind: "auth", code: "INVALID_ACCESS_TOKEN" });
    expect(invalid.userMessage).toMatch(/did not accept your connection/);
  });

  it("names the missing permission on 403 when the call knows it", () => {
    const body = { status: 403, serviceErrorCode: 100, message: "Not enough permissions" };
    const scoped = classify(403, body, none, { requiredScope: "r_member_social" });
    expect(scoped.kind).toBe("permanent");
    expect(scoped.userMessage).toMatch(/"r_member_social" permission/);
    expect(classify(403, body).userMessage).toMatch(/refused this request/);
    const notAScope = { status: 403, message: "Field Value validation failed in REQUEST_BODY" };
    expect(
      classify(403, notAScope, none, { requiredScope: "w_member_social" }).userMessage,
    ).toMatch(/refused this request/);
  });

  it("treats a duplicate post as permanent with its own message", () => {
    const dup = classify(422, {
      status: 422,
      code: "DUPLICATE_POST",
      message: "Content is a duplicate of urn:li:share:1",
    });
    expect(dup).toMatchObject({ kind: "permanent", code: "DUPLICATE_POST" });
    expect(dup.userMessage).toBe(
      "LinkedIn rejected this as a duplicate of a recent post. Change the text and try again.",
    );
    expect(classify(422, { message: "Content is a duplicate of urn:li:share:1" }).code).toBe(
      "DUPLICATE_POST",
    );
    // LinkedIn's own shape: the code only inside errorDetails.
    const linkedIn = classify(422, {
      errorDetailType: "com.linkedin.common.error.BadRequest",
      message: "BadRequestResponseException: Content is a duplicate of urn:li:share:7",
      errorDetails: {
        inputErrors: [{ description: "Duplicate post is detected", code: "DUPLICATE_POST" }],
      },
      status: 422,
    });
    expect(linkedIn).toMatchObject({ kind: "permanent", code: "DUPLICATE_POST" });
    expect(classify(422, { message: "bad field" }).userMessage).toMatch(/rejected this request/);
  });

  it("reports an unknown API version (426) as our configuration problem", () => {
    const e = classify(426, { status: 426, code: "NONEXISTENT_VERSION", message: "no 190001" });
    expect(e.kind).toBe("permanent");
    expect(e.userMessage).toMatch(/configuration problem on our side/);
  });

  it("throttles on 429 with Retry-After in seconds or as a date, and reads the scope", () => {
    const member = classify(429, { message: "Resource level throttle MEMBER DAY limit" });
    expect(member).toMatchObject({ kind: "throttled", throttleScope: "member" });
    expect(member.retryAfterMs).toBeUndefined();
    // Without Retry-After the wait is the budget's to decide (budget.ts), not the daily reset.
    const late = { now: new Date("2025-03-01T23:30:00Z") };
    expect(classify(429, {}, none, late).retryAfterMs).toBeUndefined();

    const app = classify(
      429,
      { message: "APPLICATION DAY limit reached" },
      new Headers({ "retry-after": "120" }),
    );
    expect(app).toMatchObject({ throttleScope: "app", retryAfterMs: 120_000 });

    const now = new Date("2025-03-01T10:00:00Z");
    const dated = classify(
      429,
      {},
      new Headers({ "retry-after": "Sat, 01 Mar 2025 10:00:30 GMT" }),
      { now },
    );
    expect(dated.retryAfterMs).toBe(30_000);
  });

  it("retries 5xx and 408; a 504 to a create may have gone through, so it is ambiguous", () => {
    for (const status of [500, 502, 503, 504, 408]) {
      const e = classify(status, "Internal error");
      expect(e).toMatchObject({ kind: "retryable", ambiguous: false });
      expect(e.userMessage).toBe("LinkedIn had a temporary problem. We'll try again shortly.");
    }
    expect(classify(500, {}, none, { creates: true }).ambiguous).toBe(false);
    const gateway = classify(504, {}, none, { creates: true });
    expect(gateway).toMatchObject({ kind: "retryable", ambiguous: true });
    expect(gateway.userMessage).toMatch(/did not confirm whether the post was published/);
  });

  it("makes every other 4xx permanent", () => {
    for (const status of [400, 404, 405, 409, 410, 413, 415]) {
      expect(classify(status).kind, String(status)).toBe("permanent");
    }
    expect(classify(404).userMessage).toMatch(/could not find this post/);
  });

  it("copes with bodies that are not LinkedIn's error shape", () => {
    for (const body of [null, undefined, "", "<html>oops</html>", 42, [], { message: 7 }]) {
      expect(classify(500, body).kind).toBe("retryable");
    }
    expect(classify(400, "x".repeat(1000)).message.length).toBeLessThan(400);
  });
});

describe("transport and budget errors", () => {
  it("flags a timeout as ambiguous only when the caller says the request may have landed", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const e = transportError(timeout, true);
    expect(e).toMatchObject({ kind: "retryable", status: 0, code: "TIMEOUT", ambiguous: true });
    expect(e.userMessage).toMatch(/did not confirm whether the post was published/);
    expect(transportError(new TypeError("fetch failed"), false)).toMatchObject({
      code: "NETWORK",
      ambiguous: false,
    });
  });

  it("says when the budget resets: the daily reset, or minutes after a 429", () => {
    const now = new Date("2025-03-01T23:00:00Z");
    const e = budgetExhausted("app", new Date("2025-03-02T00:00:00Z"), now);
    expect(e).toMatchObject({ kind: "throttled", throttleScope: "app", retryAfterMs: 3_600_000 });
    expect(e.userMessage).toMatch(/daily limit .* midnight UTC/);
    const soon = budgetExhausted("member", new Date("2025-03-01T23:04:30Z"), now);
    expect(soon.userMessage).toBe(
      "LinkedIn asked us to slow down. We'll try again in about 5 minutes.",
    );
    expect(isThrottleMessage(soon.userMessage) && isThrottleMessage(e.userMessage)).toBe(true);
    expect(throttleRetryAdvice(soon, now)).toBe(
      "LinkedIn asked us to slow down. Your post is safe: press Retry in about 5 minutes.",
    );
    expect(throttleRetryAdvice(e, now)).toMatch(/press Retry after midnight UTC/);
  });
});
