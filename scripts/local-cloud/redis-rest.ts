import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import IORedis from "ioredis";
import RedisMock from "ioredis-mock";
import { close, listen } from "./http-server";

export interface RedisRestOptions {
  host?: string;
  /** 0 = random */
  port?: number;
  /** e.g. redis://127.0.0.1:6379 — when set, back onto a real Redis via ioredis; else in-memory via ioredis-mock */
  redisUrl?: string;
  token?: string;
}

export interface RedisRestServer {
  url: string;
  token: string;
  backend: "redis" | "memory";
  stop(): Promise<void>;
}

type Json = string | number | null | Json[];
type Outcome = { result: Json } | { error: string };
/** A command's raw backend reply, or what it failed with. */
type Settled = { value: unknown } | { error: unknown };
/** What the endpoint answers itself, or the command to hand to the backend. */
type Step = { reply: unknown } | { send: string[] };

interface Backend {
  kind: RedisRestServer["backend"];
  run(command: string[]): Promise<unknown>;
  /** Runs the commands as one MULTI/EXEC; rejects, running none, if one cannot be queued. */
  transaction(commands: string[][]): Promise<Settled[]>;
  close(): Promise<void>;
}

// Every request shares one backend connection, so commands that change its state must not reach it.
const CONNECTION_STATE = new Set([
  "AUTH",
  "DISCARD",
  "EXEC",
  "HELLO",
  "MONITOR",
  "MULTI",
  "PSUBSCRIBE",
  "PUNSUBSCRIBE",
  "QUIT",
  "RESET",
  "SELECT",
  "SSUBSCRIBE",
  "SUBSCRIBE",
  "SUNSUBSCRIBE",
  "UNSUBSCRIBE",
  "UNWATCH",
  "WATCH",
]);
const EVAL_OF_EVALSHA: Record<string, string> = { EVALSHA: "EVAL", EVALSHA_RO: "EVAL_RO" };
// ioredis-mock only knows option keywords in upper case, while Redis takes any case and the SDK
// sends lower (`set k v nx px 100`, `linsert k before …`). Which arguments are keywords, by command:
const MOCK_KEYWORDS: Record<string, (args: string[], index: number) => boolean> = {
  set: (_, i) => i >= 2,
  // Flags precede the first score; what follows are scores and members.
  zadd: (args, i) =>
    i >= 1 && args.slice(1, i + 1).every((a) => /^(nx|xx|gt|lt|ch|incr)$/i.test(a)),
  linsert: (_, i) => i === 1,
  lmove: (_, i) => i >= 2,
};

/**
 * A stand-in for the Upstash Redis REST API (https://upstash.com/docs/redis/features/restapi):
 * `@upstash/redis` and `@upstash/ratelimit` talk to it unchanged. Commands go to a real Redis when
 * `redisUrl` is given, else to an in-process ioredis-mock. Nothing is ever flushed on a real Redis.
 */
export async function startRedisRest(options: RedisRestOptions = {}): Promise<RedisRestServer> {
  const { host = "127.0.0.1", port = 0, redisUrl, token = "local-upstash-token" } = options;
  const backend = redisUrl ? await connectRedis(redisUrl) : openMemory();

  // Scripts by the SHA-1 clients compute, holding the text the backend can run. The endpoint keeps
  // them itself because the mock has no script cache and the rewritten text hashes differently.
  const scripts = new Map<string, string>();
  const remember = (script: string): string => {
    const sha = createHash("sha1").update(script).digest("hex");
    // Upstash accepts `#!lua flags=allow-key-locking` (every @upstash/ratelimit script has it);
    // Redis 7 rejects the flag and the mock's Lua cannot parse a shebang. As a comment the line
    // keeps line numbers in errors, and a plain script behaves the same on a single node.
    scripts.set(sha, script.replace(/^#!/, "--#!"));
    return sha;
  };

  const plan = (command: string[]): Step => {
    const [name = "", ...args] = command;
    const upper = name.toUpperCase();
    if (CONNECTION_STATE.has(upper)) throw new Error(`ERR ${upper} is not supported over REST`);
    if (upper === "EVAL" || upper === "EVAL_RO") {
      const [script, ...rest] = args;
      if (script === undefined) throw wrongArity(upper);
      return { send: [upper, scripts.get(remember(script))!, ...rest] };
    }
    const evalName = EVAL_OF_EVALSHA[upper];
    if (evalName) {
      const [sha, ...rest] = args;
      if (sha === undefined) throw wrongArity(upper);
      const script = scripts.get(sha.toLowerCase());
      if (script === undefined) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return { send: [evalName, script, ...rest] };
    }
    if (upper === "SCRIPT") {
      const [sub = "", ...rest] = args;
      switch (sub.toUpperCase()) {
        case "LOAD":
          if (rest[0] === undefined) throw wrongArity("SCRIPT|LOAD");
          return { reply: remember(rest[0]) };
        case "EXISTS":
          return { reply: rest.map((sha) => (scripts.has(sha.toLowerCase()) ? 1 : 0)) };
        case "FLUSH":
          scripts.clear();
          return { reply: "OK" };
      }
    }
    return { send: command };
  };

  // Each step starts synchronously, so a pipeline reaches the backend in order, in one go.
  const runAll = (commands: string[][]): Promise<Settled[]> =>
    Promise.all(
      commands.map((command) =>
        settle(() => {
          const step = plan(command);
          return "send" in step ? backend.run(step.send) : step.reply;
        }),
      ),
    );

  const transact = async (commands: string[][]): Promise<Settled[]> => {
    const steps = commands.map((command) => settleSync(() => plan(command)));
    const sent = steps.flatMap((s) => ("value" in s && "send" in s.value ? [s.value.send] : []));
    const results = await backend.transaction(sent);
    let next = 0;
    return steps.map((s) => {
      if ("error" in s) return s;
      return "send" in s.value ? results[next++]! : { value: s.value.reply };
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      return sendJson(res, 401, { error: "Unauthorized" });
    }
    const base64 = String(req.headers["upstash-encoding"]).toLowerCase() === "base64";
    const outcome = (s: Settled): Outcome =>
      "error" in s ? { error: errorMessage(s.error) } : { result: toJson(s.value, base64) };
    const path = new URL(req.url ?? "/", "http://localhost").pathname;

    if (req.method === "GET") {
      // Upstash's path form, e.g. GET /set/foo/bar; handy with curl.
      const command = path.split("/").filter(Boolean).map(decodeURIComponent);
      if (command.length === 0) return sendJson(res, 400, { error: "ERR no command given" });
      return sendSingle(res, outcome((await runAll([command]))[0]!));
    }
    if (req.method !== "POST") return sendJson(res, 405, { error: "Method Not Allowed" });

    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, { error: "ERR failed to parse request body as JSON" });
    }
    if (path === "/") {
      const command = toCommand(body);
      if (!command) return sendJson(res, 400, { error: "ERR expected a JSON array command" });
      return sendSingle(res, outcome((await runAll([command]))[0]!));
    }
    if (path !== "/pipeline" && path !== "/multi-exec") {
      return sendJson(res, 404, { error: `ERR unknown endpoint ${path}` });
    }
    const commands = Array.isArray(body) && body.length > 0 ? body.map(toCommand) : [];
    if (commands.length === 0 || commands.some((c) => !c)) {
      return sendJson(res, 400, { error: "ERR expected a non-empty JSON array of commands" });
    }
    const valid = commands as string[][];
    if (path === "/pipeline") return sendJson(res, 200, (await runAll(valid)).map(outcome));
    try {
      return sendJson(res, 200, (await transact(valid)).map(outcome));
    } catch (error) {
      // EXECABORT: a command could not be queued, so the transaction ran nothing.
      return sendJson(res, 400, { error: errorMessage(error) });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      sendJson(res, 500, { error: errorMessage(error) });
    });
  });
  let url: string;
  try {
    url = await listen(server, port, host);
  } catch (error) {
    await backend.close();
    throw error;
  }

  return {
    url,
    token,
    backend: backend.kind,
    stop: async () => {
      await close(server);
      await backend.close();
    },
  };
}

async function connectRedis(url: string): Promise<Backend> {
  const client = new IORedis(url, { lazyConnect: true });
  try {
    await client.connect();
  } catch (error) {
    // ioredis would otherwise keep reconnecting in the background.
    client.disconnect();
    throw error;
  }
  // Upper-case names skip ioredis' reply transformers (HGETALL would become an object), and
  // callBuffer keeps bulk strings as bytes so binary values survive.
  const split = ([name = "", ...args]: string[]) => [name.toUpperCase(), args] as const;
  return {
    kind: "redis",
    run: async (command) => client.callBuffer(...split(command)),
    async transaction(commands) {
      const multi = client.multi();
      for (const command of commands) multi.callBuffer(...split(command));
      const replies = await multi.exec();
      return (replies ?? []).map(([error, value]) => (error ? { error } : { value }));
    },
    close: async () => {
      await client.quit();
    },
  };
}

function openMemory(): Backend {
  // ioredis-mock shares one store per host:port/db across instances; a unique host keeps each
  // server's data its own.
  const mock = new RedisMock({ host: `memory-${randomUUID()}` });
  const members = mock as unknown as Record<string, unknown>;
  // ioredis-mock numbers auto ids 1-0, 2-0, …; Redis uses <unix ms>-<seq>, and readers rely on
  // that (an id made from a time reads everything added since). Auto ids are made here instead:
  // a bare <ms> (the mock appends "-0" to whatever it is given), one ms apart when added together.
  let lastMs = 0;
  const nextStreamId = () => {
    lastMs = Math.max(Date.now(), lastMs + 1);
    return String(lastMs);
  };
  // Commands are the mock's own properties (client methods live on its prototype); the Buffer
  // variant keeps bulk replies as bytes, like callBuffer does on a real Redis.
  const bind = ([name = "", ...args]: string[]): (() => unknown) => {
    const lower = name.toLowerCase() === "eval_ro" ? "eval" : name.toLowerCase();
    const method = [`${lower}Buffer`, lower]
      .map((key) => (Object.hasOwn(members, key) ? members[key] : undefined))
      .find((member) => typeof member === "function") as ((...a: string[]) => unknown) | undefined;
    if (!method) throw new Error(`ERR unknown command '${name}'`);
    const isKeyword = MOCK_KEYWORDS[lower];
    const normalized = isKeyword
      ? args.map((a, i) => (isKeyword(args, i) ? a.toUpperCase() : a))
      : [...args];
    // XADD key [options] * field value …: the id is the first "*" after the key.
    const autoId = lower === "xadd" ? normalized.indexOf("*", 1) : -1;
    if (autoId > 0) normalized[autoId] = nextStreamId();
    // …and it misreads an explicit "<ms>-0" range bound (it appends its own "-0"); "<ms>" means
    // the same to Redis.
    if (lower === "xrange" || lower === "xrevrange") {
      for (const i of [1, 2]) normalized[i] = normalized[i]?.replace(/^(\d+)-0$/, "$1") ?? "";
    }
    return () => method.apply(mock, normalized);
  };
  return {
    kind: "memory",
    run: async (command) => bind(command)(),
    // The mock runs each command synchronously when called, so starting them all in one tick is
    // as isolated as its own multi(), which would collapse per-command errors into one rejection.
    async transaction(commands) {
      const calls = settleSync(() => commands.map(bind));
      if ("error" in calls)
        throw new Error("EXECABORT Transaction discarded because of previous errors.");
      return Promise.all(calls.value.map(settle));
    },
    close: async () => {
      // The mock's stores outlive instances; empty ours so a stopped server frees its data.
      await mock.flushall();
      mock.disconnect();
    },
  };
}

async function settle(run: () => unknown): Promise<Settled> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

function settleSync<T>(run: () => T): { value: T } | { error: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

function wrongArity(name: string): Error {
  return new Error(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
}

/** Upstash takes any JSON scalar as an argument; Redis only sees strings. */
function toCommand(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || typeof value[0] !== "string") return undefined;
  return value.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg)));
}

/**
 * A reply as Upstash writes it: bulk strings as text (base64 of the raw bytes when the client sent
 * `Upstash-Encoding: base64`), integers as numbers, nil as null, arrays nested. "OK" is encoded too,
 * unlike Upstash's top level, because the SDK only spares a bare "OK" and would garble one nested
 * in an array (an EVAL returning a SET reply); encoded, it decodes to "OK" everywhere.
 */
function toJson(reply: unknown, base64: boolean): Json {
  if (reply === null || reply === undefined || reply === false) return null;
  // Lua booleans reach us from the mock only; Redis turns true into 1 and false into nil.
  if (reply === true) return 1;
  if (typeof reply === "number") return reply;
  if (typeof reply === "string" || Buffer.isBuffer(reply)) {
    const bytes = Buffer.from(reply);
    return bytes.toString(base64 ? "base64" : "utf8");
  }
  if (Array.isArray(reply)) return reply.map((item) => toJson(item, base64));
  // The mock answers HGETALL with an object; Redis sends the flat field/value array.
  return Object.entries(reply as Record<string, unknown>).flatMap(([field, value]) => [
    toJson(field, base64),
    toJson(value, base64),
  ]);
}

/** Redis errors start with a code (ERR, WRONGTYPE, NOSCRIPT…); the mock's often don't. */
function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[A-Z]+ /.test(message) ? message : `ERR ${message}`;
}

function sendSingle(res: ServerResponse, outcome: Outcome): void {
  sendJson(res, "error" in outcome ? 400 : 200, outcome);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
