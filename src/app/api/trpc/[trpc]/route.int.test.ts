import { describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE } from "@/lib/input";
import { APP_URL, signedInUser, testServices } from "@/server/testing/fixtures";
import { GET, POST } from "./route";

function mutation(path: string, headers: Record<string, string>, input: unknown = null) {
  return POST(
    new Request(`${APP_URL}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ json: input }),
    }),
  );
}

describe("/api/trpc over HTTP", () => {
  it("blocks mutations without a same-origin signal (CSRF) and changes nothing", async () => {
    const { token } = await signedInUser(testServices());
    const cookie = `tla_session=${token}`;
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, "sec-fetch-site": "cross-site" },
      { cookie, "sec-fetch-site": "same-site" },
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "null" },
    ];
    for (const headers of attempts) {
      const res = await mutation("organization.create", headers, { name: "CSRF Org" });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = await res.json();
      expect(body.error.json.message).toMatch(/did not come from the TechLead AutoPilot app/);
    }
    const mine = await fetchMine(cookie);
    expect(mine).toEqual([]);
  });

  it("accepts same-origin mutations from the app", async () => {
    const { token } = await signedInUser(testServices());
    const res = await mutation(
      "organization.create",
      { cookie: `tla_session=${token}`, origin: APP_URL },
      { name: "Real Org" },
    );
    expect(res.status).toBe(200);
  });

  it("answers 401 to a tampered session cookie and clears it", async () => {
    const { token } = await signedInUser(testServices());
    const tampered = `${token.slice(0, -2)}zz`;
    const res = await POST(
      new Request(`${APP_URL}/api/trpc/auth.signOut`, {
        method: "POST",
        headers: {
          cookie: `tla_session=${tampered}`,
          "sec-fetch-site": "same-origin",
          "content-type": "application/json",
        },
        body: JSON.stringify({ json: null }),
      }),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toMatch(/tla_session=; .*Max-Age=0/);
  });

  it("rejects bad input with 400 and field errors", async () => {
    const res = await mutation(
      "auth.requestMagicLink",
      { "sec-fetch-site": "same-origin" },
      { email: "nope" },
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.json.data.fieldErrors.email[0]).toMatch(/valid email address/);
  });

  it("marks every answer private and not to be stored: tenant data must not sit in caches", async () => {
    const { token } = await signedInUser(testServices());
    const { GET } = await import("./route");
    const answers = [
      await GET(
        new Request(`${APP_URL}/api/trpc/organization.mine`, {
          headers: { cookie: `tla_session=${token}` },
        }),
      ),
      await mutation("organization.create", { cookie: `tla_session=${token}` }, { name: "X" }),
      await GET(new Request(`${APP_URL}/api/trpc/auth.me,organization.mine?batch=1&input={}`)),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 403, 207]);
    for (const res of answers) expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("/api/trpc batches", () => {
  /** `count` calls of `path` in one request: a POST for mutations, a GET for queries. */
  function batch(path: string, count: number, cookie: string, input: unknown, method = "POST") {
    const inputs = JSON.stringify(
      Object.fromEntries(Array.from({ length: count }, (_, i) => [i, { json: input }])),
    );
    const url = new URL(`${APP_URL}/api/trpc/${Array(count).fill(path).join(",")}?batch=1`);
    if (method === "GET") url.searchParams.set("input", inputs);
    return (method === "GET" ? GET : POST)(
      new Request(url, {
        method,
        headers: { cookie, origin: APP_URL, "content-type": "application/json" },
        body: method === "GET" ? undefined : inputs,
      }),
    );
  }

  it("refuses a batch over the cap before running any of it", async () => {
    const { token } = await signedInUser(testServices());
    const cookie = `tla_session=${token}`;
    const res = await batch("organization.create", MAX_BATCH_SIZE + 1, cookie, {
      name: "Batch Org",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.json.message).toMatch(/Batch call exceeds maximum size/);
    expect(await fetchMine(cookie)).toEqual([]);
  });

  it("runs a batch at the cap", async () => {
    const { token } = await signedInUser(testServices());
    const res = await batch(
      "organization.mine",
      MAX_BATCH_SIZE,
      `tla_session=${token}`,
      null,
      "GET",
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(MAX_BATCH_SIZE);
  });
});

async function fetchMine(cookie: string) {
  const { GET } = await import("./route");
  const res = await GET(
    new Request(`${APP_URL}/api/trpc/organization.mine`, { headers: { cookie } }),
  );
  return (await res.json()).result.data.json;
}
