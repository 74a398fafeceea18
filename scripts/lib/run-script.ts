import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `npx tsx <script> …args` from the repo root, as `npm run` would; for CLI tests. */
export function runScript(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      "npx",
      ["tsx", script, ...args],
      { cwd: repoRoot, timeout: 25_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Runs a JSON Lines tool (ARCHITECTURE §6) on `lines` written to a temporary file; returns the
 * exit code, stderr and each output line parsed.
 */
export async function runOnLines(script: string, lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "json-lines-"));
  try {
    const file = join(dir, "input.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const { code, stdout, stderr } = await runScript(script, [file]);
    const out = stdout
      .trimEnd()
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { code, stderr, out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
