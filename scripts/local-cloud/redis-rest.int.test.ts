import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Ratelimit } from "@upstash/ratelimit";
import { errors, Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisRestServer, startRedisRest } from "./redis-rest";

// In-memory always; a real Redis too when TEST_REDIS_URL is set (it may be shared, so every key
// lives under a random prefix and only those keys are deleted afterwards).
const backends = [
  { kind: "memory" as const, redisUrl: undefined },
  ...(process.env.TEST_REDIS_URL
    ? [{ kind: "redis" as const, redisUrl: process.env.TEST_REDIS_URL }]
    : []),
];

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe.each(backends)("Upstash REST endpoint on the $kind backend", ({ kind, redisUrl }) => {
  const prefix = `redis-rest-test:${randomUUID()}:`;
  const key = (name: string) => `${prefix}${name}`;
  let server: RedisRestServer;
  let redis: Redis;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startRedisRest({ port: 0, redisUrl });
    redis = new Redis({ url: server.url, token: server.token, enableTelemetry: false });
  });

  afterAll(async () => {
    if (!server) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await server.stop();
  });

  it("reports where it listens and what backs it", () => {
    expect(server.backend).toBe(kind);
    expect(server.token).toBe("local-upstash-token");
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("gives stream entries Redis's <unix ms>-<seq> ids, so a reader can start from a time", async () => {
    const stream = key("stream");
    const before = Date.now();
    const ids = [
      await redis.xadd(stream, "*", { n: "1" }),
      await redis.xadd(
        stream,
        "*",
        { n: "2" },
        { trim: { type: "MAXLEN", comparison: "~", threshold: 100 } },
      ),
    ];
    const [ms0, seq0] = ids[0]!.split("-").map(Number);
    expect(ms0).toBeGreaterThanOrEqual(before);
    expect(ms0).toBeLessThanOrEqual(Date.now());
    expect(Number.isInteger(seq0)).toBe(true);
    const [ms1, seq1] = ids[1]!.split("-").map(Number);
    expect(ms1! > ms0! || (ms1 === ms0 && seq1! > seq0!)).toBe(true);
    const since = await redis.xrange(stream, String(before - 1), "+");
    expect(Object.keys(since)).toEqual(ids);
  });

  // The SDK batches commands into /pipeline by default; without auto-pipelining each goes to /.
  describe.each([
    { mode: "auto-pipelined", enableAutoPipelining: true },
    { mode: "direct", enableAutoPipelining: false },
  ])("with @upstash/redis, $mode", ({ mode, enableAutoPipelining }) => {
    let sdk: Redis;
    const k = (name: string) => key(`${mode}:${name}`);

    beforeAll(() => {
      sdk = new Redis({
        url: server.url,
        token: server.token,
        enableTelemetry: false,
        enableAutoPipelining,
      });
    });

    it("sets and gets strings, JSON values and unicode", async () => {
      const profile = { name: "Ada", tags: ["x", "y"], nested: { n: 1, ok: true }, none: null };
      const unicode = "héllo wörld — 日本語 🚀👩‍💻";

      expect(await sdk.set(k("plain"), "hello")).toBe("OK");
      expect(await sdk.set(k("json"), profile)).toBe("OK");
      expect(await sdk.set(k("unicode"), unicode)).toBe("OK");
      expect(await sdk.set(k("ok"), "OK")).toBe("OK");

      expect(await sdk.get(k("plain"))).toBe("hello");
      expect(await sdk.get(k("json"))).toEqual(profile);
      expect(await sdk.get(k("unicode"))).toBe(unicode);
      expect(await sdk.get(k("ok"))).toBe("OK");
      expect(await sdk.get(k("missing"))).toBeNull();
      expect(await sdk.set(k("plain"), "other", { nx: true })).toBeNull();
      expect(await sdk.set(k("plain"), "newer", { xx: true, get: true })).toBe("hello");
      expect(await sdk.set(k("absent"), "v", { xx: true })).toBeNull();
      expect(await sdk.get(k("plain"))).toBe("newer");
      expect(await sdk.mget(k("plain"), k("json"), k("missing"))).toEqual(["newer", profile, null]);
    });

    it("increments counters", async () => {
      expect(await sdk.incr(k("counter"))).toBe(1);
      expect(await sdk.incrby(k("counter"), 5)).toBe(6);
      expect(await sdk.decr(k("counter"))).toBe(5);
      expect(await sdk.get(k("counter"))).toBe(5);
    });

    it("expires keys", async () => {
      await sdk.set(k("ttl"), "v");
      expect(await sdk.ttl(k("ttl"))).toBe(-1);
      expect(await sdk.expire(k("ttl"), 100)).toBe(1);
      const ttl = await sdk.ttl(k("ttl"));
      expect(ttl).toBeGreaterThan(95);
      expect(ttl).toBeLessThanOrEqual(100);
      expect(await sdk.ttl(k("missing"))).toBe(-2);

      await sdk.set(k("set-ex"), "v", { ex: 100, nx: true });
      expect(await sdk.ttl(k("set-ex"))).toBeGreaterThan(95);

      await sdk.set(k("short"), "v", { px: 50 });
      await sleep(150);
      expect(await sdk.get(k("short"))).toBeNull();
    });

    it("stores hashes", async () => {
      expect(await sdk.hset(k("hash"), { name: "Ada", age: 36, meta: { lang: "ts" } })).toBe(3);
      expect(await sdk.hget(k("hash"), "name")).toBe("Ada");
      expect(await sdk.hincrby(k("hash"), "age", 1)).toBe(37);
      expect(await sdk.hgetall(k("hash"))).toEqual({ name: "Ada", age: 37, meta: { lang: "ts" } });
      expect(await sdk.hdel(k("hash"), "meta")).toBe(1);
      expect(await sdk.hkeys(k("hash"))).toEqual(["name", "age"]);
      expect(await sdk.hgetall(k("no-hash"))).toBeNull();
    });

    it("stores lists", async () => {
      expect(await sdk.rpush(k("list"), "a", "b", "c")).toBe(3);
      expect(await sdk.lpush(k("list"), "z")).toBe(4);
      expect(await sdk.lrange(k("list"), 0, -1)).toEqual(["z", "a", "b", "c"]);
      expect(await sdk.lpop(k("list"))).toBe("z");
      expect(await sdk.llen(k("list"))).toBe(3);
      expect(await sdk.linsert(k("list"), "before", "b", "x")).toBe(4);
      expect(await sdk.lmove(k("list"), k("list2"), "left", "right")).toBe("a");
      expect(await sdk.lrange(k("list"), 0, -1)).toEqual(["x", "b", "c"]);
      await sdk.rpush(k("objects"), { id: 1 }, { id: 2 });
      expect(await sdk.lrange(k("objects"), 0, -1)).toEqual([{ id: 1 }, { id: 2 }]);
    });

    it("stores sorted sets", async () => {
      const added = await sdk.zadd(
        k("zset"),
        { score: 3, member: "c" },
        { score: 1, member: "a" },
        { score: 2, member: "b" },
      );
      expect(added).toBe(3);
      expect(await sdk.zrange(k("zset"), 0, -1)).toEqual(["a", "b", "c"]);
      expect(await sdk.zrange(k("zset"), 0, -1, { withScores: true })).toEqual([
        "a",
        1,
        "b",
        2,
        "c",
        3,
      ]);
      expect(await sdk.zscore(k("zset"), "b")).toBe(2);
      expect(await sdk.zincrby(k("zset"), 2.5, "a")).toBe(3.5);
      expect(await sdk.zrank(k("zset"), "a")).toBe(2);
      expect(await sdk.zcard(k("zset"))).toBe(3);
      expect(await sdk.zadd(k("zset"), { nx: true }, { score: 9, member: "b" })).toBe(0);
      expect(await sdk.zscore(k("zset"), "b")).toBe(2);
    });

    it("runs pipelines, reporting each command's error on its own", async () => {
      const results = await sdk
        .pipeline()
        .set(k("pipe"), 1)
        .incr(k("pipe"))
        .get(k("pipe"))
        .lpush(k("pipe"), "x")
        .exec({ keepErrors: true });
      expect(results.slice(0, 3)).toEqual([
        { result: "OK", error: undefined },
        { result: 2, error: undefined },
        { result: 2, error: undefined },
      ]);
      expect(results[3]?.error).toMatch(/WRONGTYPE|does not contain a list/);

      await expect(sdk.pipeline().get(k("pipe")).lpush(k("pipe"), "x").exec()).rejects.toThrow(
        /Command 2 \[ lpush \] failed/,
      );
    });

    it("runs multi() transactions", async () => {
      expect(await sdk.multi().set(k("tx"), "a").append(k("tx"), "b").get(k("tx")).exec()).toEqual([
        "OK",
        2,
        "ab",
      ]);

      // A command failing at run time leaves the others applied, as in Redis.
      const results = await sdk
        .multi()
        .set(k("tx2"), "v")
        .lpush(k("tx2"), "x")
        .incr(k("tx2-count"))
        .exec({ keepErrors: true });
      expect(results[0]?.result).toBe("OK");
      expect(results[1]?.error).toMatch(/WRONGTYPE|does not contain a list/);
      expect(results[2]?.result).toBe(1);
    });

    it("runs Lua via createScript, scriptLoad and evalsha", async () => {
      const text = `return redis.call('INCRBY', KEYS[1], ARGV[1]) -- ${mode}`;
      const script = sdk.createScript<number>(text);
      // The first exec gets NOSCRIPT from EVALSHA and falls back to EVAL, which caches the script.
      expect(await script.exec([k("lua")], ["5"])).toBe(5);
      expect(await sdk.scriptExists(sha1(text))).toEqual([1]);
      expect(await script.exec([k("lua")], ["2"])).toBe(7);
      expect(await sdk.evalsha(sha1(text), [k("lua")], ["1"])).toBe(8);

      const nested = `return {KEYS[1], ARGV[1], 42, {'nested', 'OK'}} -- ${mode}`;
      const sha = await sdk.scriptLoad(nested);
      expect(sha).toBe(sha1(nested));
      expect(await sdk.evalsha(sha, [k("any")], ["ünï 🚀"])).toEqual([
        k("any"),
        "ünï 🚀",
        42,
        ["nested", "OK"],
      ]);

      const unknown = "0".repeat(40);
      expect(await sdk.scriptExists(unknown)).toEqual([0]);
      await expect(sdk.evalsha(unknown, [], [])).rejects.toThrow(/NOSCRIPT/);
      await expect(sdk.eval("return (", [], [])).rejects.toThrow(errors.UpstashError);
    });

    it("runs scripts with Upstash's shebang flags", async () => {
      const text = "#!lua flags=allow-key-locking\nreturn redis.call('SET', KEYS[1], ARGV[1])";
      expect(await sdk.eval(text, [k("shebang")], ["set by lua"])).toBe("OK");
      expect(await sdk.get(k("shebang"))).toBe("set by lua");
    });

    it("surfaces command errors as thrown UpstashErrors", async () => {
      await sdk.set(k("string"), "text");
      const failure = sdk.lpush(k("string"), "x");
      await expect(failure).rejects.toBeInstanceOf(errors.UpstashError);
      await expect(failure).rejects.toThrow(/WRONGTYPE|does not contain a list/);
    });
  });

  it("rejects a wrong or missing token with 401", async () => {
    const intruder = new Redis({ url: server.url, token: "wrong", enableTelemetry: false });
    await expect(intruder.get(key("any"))).rejects.toThrow(/Unauthorized/);

    const res = await fetch(server.url, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Unauthorized" });
  });

  it("answers unknown commands with 400 and a Redis error", async () => {
    const res = await post("/", ["NOSUCHCOMMAND", "x"]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^ERR unknown command/);

    const direct = new Redis({
      url: server.url,
      token: server.token,
      enableTelemetry: false,
      enableAutoPipelining: false,
    });
    await expect(direct.exec(["NOSUCHCOMMAND"])).rejects.toThrow(/ERR unknown command/);
  });

  it("refuses commands that would change the shared connection's state", async () => {
    const res = await post("/", ["SELECT", "1"]);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "ERR SELECT is not supported over REST" });
  });

  it("base64-encodes strings only when asked to, recursively", async () => {
    const value = "ünï 🚀";
    const commands = [
      ["SET", key("raw"), value],
      ["GET", key("raw")],
      ["INCR", key("raw-count")],
      ["GET", key("raw-missing")],
      ["EVAL", "return {ARGV[1], {7, ARGV[1]}}", "0", value],
      ["LPUSH", key("raw"), "x"],
    ];
    const encoded = await post("/pipeline", commands, { "Upstash-Encoding": "base64" });
    expect(encoded.status).toBe(200);
    const [set, get, incr, missing, lua, failed] = (await encoded.json()) as Record<
      string,
      unknown
    >[];
    expect([set, get, incr, missing, lua]).toEqual([
      { result: base64("OK") },
      { result: base64(value) },
      { result: 1 },
      { result: null },
      { result: [base64(value), [7, base64(value)]] },
    ]);
    expect(failed?.error).toMatch(/^(WRONGTYPE|ERR)/);

    const plain = await post("/", ["GET", key("raw")]);
    expect(await plain.json()).toEqual({ result: value });
  });

  it("aborts a /multi-exec that cannot be queued without running any of it", async () => {
    const res = await post("/multi-exec", [["SET", key("aborted"), "1"], ["NOSUCHCOMMAND"]]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^EXECABORT/);
    expect(await redis.get(key("aborted"))).toBeNull();
  });

  it("accepts Upstash's path form over GET", async () => {
    const headers = { authorization: `Bearer ${server.token}` };
    const set = await fetch(`${server.url}/set/${encodeURIComponent(key("path"))}/bar`, {
      headers,
    });
    expect(await set.json()).toEqual({ result: "OK" });
    const get = await fetch(`${server.url}/get/${encodeURIComponent(key("path"))}`, { headers });
    expect(await get.json()).toEqual({ result: "bar" });
  });

  describe.each([
    { algorithm: "slidingWindow", limiter: Ratelimit.slidingWindow(3, "10 s") },
    { algorithm: "fixedWindow", limiter: Ratelimit.fixedWindow(3, "10 s") },
  ])("with @upstash/ratelimit $algorithm(3, '10 s')", ({ algorithm, limiter }) => {
    it("refuses the 4th request in the window and counts down what remains", async () => {
      const ratelimit = new Ratelimit({
        redis,
        limiter,
        prefix: key(`ratelimit:${algorithm}`),
        // Without the in-process cache every call has to reach the endpoint.
        ephemeralCache: false,
      });
      // Both algorithms bucket by Date.now() / 10 s; stay clear of a boundary so the 4 calls share one.
      const untilBoundary = 10_000 - (Date.now() % 10_000);
      if (untilBoundary < 2_000) await sleep(untilBoundary + 50);

      const results = [];
      for (let i = 0; i < 4; i++) results.push(await ratelimit.limit("user-1"));
      expect(
        results.map(({ success, remaining, limit }) => ({ success, remaining, limit })),
      ).toEqual([
        { success: true, remaining: 2, limit: 3 },
        { success: true, remaining: 1, limit: 3 },
        { success: true, remaining: 0, limit: 3 },
        { success: false, remaining: 0, limit: 3 },
      ]);
      expect((await ratelimit.getRemaining("user-1")).remaining).toBe(0);
      expect((await ratelimit.limit("user-2")).remaining).toBe(2);
    });

    // The reset script walks SCAN's nested reply; ioredis-mock's Lua bridge indexes nested arrays
    // from 0 instead of 1, so it fails there. Real Redis only.
    it.skipIf(kind === "memory")("resets an identifier's used tokens", async () => {
      const ratelimit = new Ratelimit({
        redis,
        limiter,
        prefix: key(`ratelimit-reset:${algorithm}`),
        ephemeralCache: false,
      });
      for (let i = 0; i < 3; i++) await ratelimit.limit("user-1");
      expect((await ratelimit.getRemaining("user-1")).remaining).toBe(0);
      await ratelimit.resetUsedTokens("user-1");
      expect((await ratelimit.getRemaining("user-1")).remaining).toBe(3);
      expect((await ratelimit.limit("user-1")).success).toBe(true);
    });
  });
});
