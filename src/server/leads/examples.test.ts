import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, type Judgement } from "./evaluate";
import { scoreComment } from "./score";
import type { LeadInput } from "./types";

/**
 * Quality floors on our own labeled comments (testing/examples.jsonl: five languages, written for
 * these tests, none taken from the shared dev set). They guard the lexicons against regressions;
 * the dev-set figures come from `npm run eval:leads`.
 */
const rows = readFileSync(new URL("./testing/examples.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as LeadInput & { id: string; label: Judgement });

describe("own labeled examples", () => {
  const e = evaluate(rows.map((row) => ({ label: row.label, predicted: scoreComment(row) })));

  it("finds the leads and little else", () => {
    expect(e.n).toBeGreaterThanOrEqual(200);
    expect(e.f1).toBeGreaterThanOrEqual(0.9);
    expect(e.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("alerts (high and critical) only on real leads", () => {
    expect(e.alertLeadPrecision).toBeGreaterThanOrEqual(0.95);
    expect(e.alertPrecision).toBeGreaterThanOrEqual(0.9);
  });

  it("names what most leads need", () => {
    expect(e.intentAccuracy).toBeGreaterThanOrEqual(0.7);
  });
});
