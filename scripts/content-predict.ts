/**
 * `npm run content:predict -- FILE`: the engagement-prediction contract of ARCHITECTURE §6.
 *
 * Reads JSON Lines {"id","text","authorFollowers"?,"mediaType"?,"postedAt"?} and prints one JSON
 * line per input: {"id","predictedEngagement","explanation"}, or {"id","error"} for a malformed
 * line (then carries on). Exit 0 unless FILE cannot be read. Same engine as the app; no network.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { predictEngagement } from "@/server/content/predict";
import { MEDIA_TYPES } from "@/server/content/types";

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  authorFollowers: z.number().finite().nonnegative().optional(),
  mediaType: z.enum(MEDIA_TYPES).optional(),
  postedAt: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "postedAt must be an ISO 8601 date-time")
    .optional(),
});

type Output =
  | { id: string | number; predictedEngagement: number; explanation: string[] }
  | { id: string | number | null; error: string };

/** The id of a line we could not accept, when it has a usable one. */
function idOf(value: unknown): string | number | null {
  if (value !== null && typeof value === "object" && "id" in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return id;
  }
  return null;
}

export function predictLine(line: string): Output {
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
  const { id, text, authorFollowers, mediaType, postedAt } = result.data;
  const prediction = predictEngagement({
    text,
    authorFollowers,
    mediaType,
    postedAt: postedAt === undefined ? undefined : new Date(postedAt),
  });
  return {
    id,
    predictedEngagement: prediction.predictedEngagement,
    explanation: prediction.explanation,
  };
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run content:predict -- FILE.jsonl\n");
    process.exit(1);
  }
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (err) {
    process.stderr.write(`content:predict: cannot read ${file}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const out: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    // Blank lines separate nothing in JSON Lines; they are not records.
    if (raw.trim() === "") continue;
    out.push(JSON.stringify(predictLine(raw)));
  }
  if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
}

main();
