/**
 * `npm run leads:score -- FILE`: the lead-scoring contract of ARCHITECTURE §6.
 *
 * Reads JSON Lines {"id","text","author"?:{"name"?,"headline"?,"company"?},"post"?:{"text"?}}
 * and prints one JSON line per input: {"id","isLead","score","priority","intent","reasons"}, or
 * {"id","error"} for a malformed line (then carries on). Exit 0 unless FILE cannot be read.
 * Same engine as the app; no network.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type LeadScore, scoreComment } from "@/server/leads";

// null is accepted where a field is optional: exports often write null for "unknown".
const optionalText = z.string().nullish();
const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  author: z.object({ name: optionalText, headline: optionalText, company: optionalText }).nullish(),
  post: z.object({ text: optionalText }).nullish(),
});

type Output = ({ id: string | number } & LeadScore) | { id: string | number | null; error: string };

/** The id of a line we could not accept, when it has a usable one. */
function idOf(value: unknown): string | number | null {
  if (value !== null && typeof value === "object" && "id" in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return id;
  }
  return null;
}

export function scoreLine(line: string): Output {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { id: null, error: "invalid JSON" };
  }
  const result = LineSchema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
    return { id: idOf(parsed), error: issues };
  }
  const { id, text, author, post } = result.data;
  const lead = scoreComment({
    text,
    author: {
      name: author?.name ?? undefined,
      headline: author?.headline ?? undefined,
      company: author?.company ?? undefined,
    },
    post: { text: post?.text ?? undefined },
  });
  return {
    id,
    isLead: lead.isLead,
    score: lead.score,
    priority: lead.priority,
    intent: lead.intent,
    reasons: lead.reasons,
  };
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run leads:score -- FILE.jsonl\n");
    process.exit(1);
  }
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (err) {
    process.stderr.write(`leads:score: cannot read ${file}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const out: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    // Blank lines separate nothing in JSON Lines; they are not records.
    if (raw.trim() === "") continue;
    out.push(JSON.stringify(scoreLine(raw)));
  }
  if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
}

main();
