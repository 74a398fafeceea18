import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { close, listen } from "./http-server";
import { createJsonPersister } from "./json-persister";

export interface MailOutboxOptions {
  host?: string;
  /** 0 = random */
  port?: number;
  /** JSON file to persist messages across restarts; omit = memory only */
  dataFile?: string;
}

export interface OutboxMessage {
  id: string;
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  subject: string;
  html?: string;
  text?: string;
  tags?: { name: string; value: string }[];
  createdAt: string;
}

export interface MailOutbox {
  url: string;
  stop(): Promise<void>;
}

/** Resend's error body; the SDK hands it back verbatim as `{ error }`. */
interface ResendError {
  statusCode: number;
  name: string;
  message: string;
}

type Draft = Omit<OutboxMessage, "id" | "createdAt">;

const MAX_MESSAGES = 1000;
// Resend's documented limits, enforced so code that works here does not fail in production.
const MAX_RECIPIENTS = 50;
const MAX_BATCH = 100;
const MAX_BODY_BYTES = 40 * 1024 * 1024;
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * A stand-in for the Resend API (https://resend.com/docs/api-reference): the `resend` SDK talks to
 * it unchanged once RESEND_BASE_URL points here. It validates like Resend, keeps what was sent
 * (newest last in memory, newest first on the wire), and serves a small HTML page at `/` to read it.
 * Only sending needs a key, as with Resend; reading and clearing are open because this is a
 * local-only tool for people and tests.
 */
export async function startMailOutbox(options: MailOutboxOptions = {}): Promise<MailOutbox> {
  const { host = "127.0.0.1", port = 0, dataFile } = options;
  const messages: OutboxMessage[] = dataFile ? await load(dataFile) : [];

  // Writes are chained so an older snapshot can never land after a newer one.
  const persister = createJsonPersister(dataFile, () => messages);
  const persist = (): Promise<void> => persister.persist();

  const store = async (drafts: Draft[]): Promise<{ id: string }[]> => {
    const createdAt = new Date().toISOString();
    const stored = drafts.map((d) => ({ id: randomUUID(), ...d, createdAt }));
    messages.push(...stored);
    if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
    await persist();
    return stored.map(({ id }) => ({ id }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? "/", "http://outbox");
    const method = req.method ?? "GET";

    if (pathname === "/" && method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(renderPage(messages));
      return;
    }

    if (pathname === "/emails" || pathname === "/emails/batch") {
      if (method === "POST") {
        if (!/^Bearer\s+\S+/.test(req.headers.authorization ?? "")) {
          return sendError(res, {
            statusCode: 401,
            name: "missing_api_key",
            message:
              "Missing API key in the authorization header. Include the following header Authorization: Bearer YOUR_API_KEY in the request.",
          });
        }
        const body = await readJson(req);
        if (!body.ok) return sendError(res, body.error);
        if (pathname === "/emails") {
          const draft = validateEmail(body.value);
          if (!draft.ok) return sendError(res, draft.error);
          const [created] = await store([draft.value]);
          return sendJson(res, 200, created);
        }
        return sendBatch(res, body.value, req.headers["x-batch-validation"]);
      }
      if (pathname === "/emails" && method === "GET") {
        return sendJson(res, 200, {
          object: "list",
          has_more: false,
          data: [...messages].reverse(),
        });
      }
      if (pathname === "/emails" && method === "DELETE") {
        const deleted = messages.length;
        messages.length = 0;
        await persist();
        return sendJson(res, 200, { deleted });
      }
      return sendError(res, {
        statusCode: 405,
        name: "method_not_allowed",
        message: "Method is not allowed for the requested path.",
      });
    }

    const byId = /^\/emails\/([^/]+)$/.exec(pathname);
    if (byId && method === "GET") {
      const found = messages.find((m) => m.id === decodeURIComponent(byId[1]!));
      if (found) return sendJson(res, 200, found);
      return sendError(res, { statusCode: 404, name: "not_found", message: "Email not found" });
    }

    sendError(res, {
      statusCode: 404,
      name: "not_found",
      message: "The requested endpoint does not exist.",
    });
  };

  const sendBatch = async (
    res: ServerResponse,
    body: unknown,
    mode: string | string[] | undefined,
  ): Promise<void> => {
    if (!Array.isArray(body) || body.length === 0 || body.length > MAX_BATCH) {
      return sendError(res, {
        statusCode: 422,
        name: "validation_error",
        message: `The request body must be an array of 1 to ${MAX_BATCH} emails.`,
      });
    }
    const results = body.map(validateEmail);
    // Strict (the SDK's default) rejects the whole batch; permissive sends the valid ones.
    if (mode !== "permissive") {
      const index = results.findIndex((r) => !r.ok);
      const failed = results[index];
      if (failed && !failed.ok) {
        return sendError(res, {
          ...failed.error,
          message: `emails[${index}]: ${failed.error.message}`,
        });
      }
    }
    const drafts: Draft[] = [];
    const errors: { index: number; message: string }[] = [];
    results.forEach((r, index) => {
      if (r.ok) drafts.push(r.value);
      else errors.push({ index, message: r.error.message });
    });
    const data = await store(drafts);
    sendJson(res, 200, mode === "permissive" ? { data, errors } : { data });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      sendError(res, {
        statusCode: 500,
        name: "application_error",
        message: `Mail outbox failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    });
  });
  const url = await listen(server, port, host);

  return {
    url,
    stop: async () => {
      await close(server);
      await persister.flush();
    },
  };
}

type Result<T> = { ok: true; value: T } | { ok: false; error: ResendError };

function invalid(name: string, message: string): { ok: false; error: ResendError } {
  return { ok: false, error: { statusCode: 422, name, message } };
}

/** Checks one email as the SDK sends it (snake_case) and maps it to the stored shape. */
function validateEmail(input: unknown): Result<Draft> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return invalid("validation_error", "The email must be a JSON object.");
  }
  const e = input as Record<string, unknown>;
  for (const field of ["from", "to", "subject"] as const) {
    if (e[field] === undefined || e[field] === null || e[field] === "") {
      return invalid("missing_required_field", `Missing \`${field}\` field.`);
    }
  }
  if (typeof e.html !== "string" && typeof e.text !== "string") {
    return invalid("missing_required_field", "Missing `html` or `text` field.");
  }
  if (typeof e.from !== "string" || !isAddress(e.from)) {
    return invalid(
      "invalid_from_address",
      "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    );
  }
  if (typeof e.subject !== "string") {
    return invalid("validation_error", "The `subject` field must be a string.");
  }

  const draft: Draft = { from: e.from, to: [], subject: e.subject };
  const lists = [
    ["to", "to"],
    ["cc", "cc"],
    ["bcc", "bcc"],
    ["reply_to", "replyTo"],
  ] as const;
  for (const [wire, key] of lists) {
    if (e[wire] === undefined) continue;
    const list = addressList(e[wire]);
    if (!list) {
      return invalid(
        "validation_error",
        `Invalid \`${wire}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
      );
    }
    if (list.length > MAX_RECIPIENTS) {
      return invalid("validation_error", `The \`${wire}\` field can have at most 50 addresses.`);
    }
    draft[key] = list;
  }

  if (typeof e.html === "string") draft.html = e.html;
  if (typeof e.text === "string") draft.text = e.text;
  if (e.tags !== undefined) {
    if (!Array.isArray(e.tags) || !e.tags.every(isTag)) {
      return invalid(
        "validation_error",
        "Tags must be `{ name, value }` pairs of ASCII letters, numbers, underscores or dashes (at most 256 characters each).",
      );
    }
    draft.tags = e.tags.map(({ name, value }) => ({ name, value }));
  }
  return { ok: true, value: draft };
}

function isTag(t: unknown): t is { name: string; value: string } {
  if (typeof t !== "object" || t === null) return false;
  const { name, value } = t as Record<string, unknown>;
  return (
    typeof name === "string" &&
    typeof value === "string" &&
    TAG_PART.test(name) &&
    TAG_PART.test(value)
  );
}

/** `email@example.com` or `Name <email@example.com>`, as Resend accepts. */
function isAddress(value: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(value.trim());
  return EMAIL.test(named ? named[1]!.trim() : value.trim());
}

function addressList(value: unknown): string[] | undefined {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.every((a) => typeof a === "string" && isAddress(a)) ? list : undefined;
}

async function readJson(req: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      return {
        ok: false,
        error: { statusCode: 413, name: "validation_error", message: "Request body too large." },
      };
    }
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return {
      ok: false,
      error: {
        statusCode: 400,
        name: "validation_error",
        message: "The request body is not valid JSON.",
      },
    };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: ResendError): void {
  sendJson(res, error.statusCode, error);
}

async function load(file: string): Promise<OutboxMessage[]> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) throw new Error(`Mail outbox data file ${file} is not a JSON array`);
  return parsed as OutboxMessage[];
}

/** Write-then-rename so a crash mid-write never leaves a truncated file to load next time. */

function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'\])]+/g) ?? [];
  return [...new Set(found.map((l) => l.replace(/[.,;:!?]+$/, "")))];
}

/** A dependency-free page for people; the app's own /dev/mailbox is the richer view. */
function renderPage(messages: OutboxMessage[]): string {
  const items = [...messages]
    .reverse()
    .map((m) => {
      const links = linksIn(m.text ?? "")
        .map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`)
        .join("");
      return `<li><details><summary><b>${escapeHtml(m.subject)}</b> — to ${escapeHtml(m.to.join(", "))} — <time>${escapeHtml(m.createdAt)}</time></summary>
${m.html ? `<iframe sandbox="" srcdoc="${escapeHtml(m.html)}" style="width:100%;height:480px;border:1px solid #ddd"></iframe>` : ""}
${m.text ? `<pre style="white-space:pre-wrap">${escapeHtml(m.text)}</pre>` : ""}
${links ? `<ul>${links}</ul>` : ""}</details></li>`;
    })
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mail outbox</title></head>
<body style="font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem">
<h1>Mail outbox</h1><p>${messages.length} message(s), newest first. <a href="/">Refresh</a></p>
<ul style="list-style:none;padding:0">${items || "<li>No emails yet.</li>"}</ul></body></html>`;
}
