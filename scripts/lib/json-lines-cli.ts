/**
 * The JSON Lines contract shared by the command-line tools of ARCHITECTURE §6: one JSON line out
 * per line in, `{"id","error"}` for a line that is not valid (then carry on), exit 0 unless the
 * file cannot be read.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";

type Id = string | number;
export type LineOutput<T> = ({ id: Id } & T) | { id: Id | null; error: string };

/** The id of a line we could not accept, when it has a usable one. */
function idOf(value: unknown): Id | null {
  if (value !== null && typeof value === "object" && "id" in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return id;
  }
  return null;
}

/** Parses one line with `schema` and maps it with `fn`, or says what is wrong with it. */
export function jsonLine<S extends z.ZodType<{ id: Id }>, T>(
  schema: S,
  fn: (data: z.infer<S>) => T,
): (line: string) => LineOutput<T> {
  return (line) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { id: null, error: "invalid JSON" };
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const issues = result.error.issues
        .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
        .join("; ");
      return { id: idOf(parsed), error: issues };
    }
    return { id: result.data.id, ...fn(result.data) };
  };
}

/** Reads the FILE argument and prints `mapLine` of each non-blank line. */
export function runJsonLinesCli(command: string, mapLine: (line: string) => unknown): void {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write(`usage: npm run ${command} -- FILE.jsonl\n`);
    process.exit(1);
  }
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (err) {
    process.stderr.write(`${command}: cannot read ${file}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const out: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    // Blank lines separate nothing in JSON Lines; they are not records.
    if (raw.trim() === "") continue;
    out.push(JSON.stringify(mapLine(raw)));
  }
  if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
}
