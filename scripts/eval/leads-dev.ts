/**
 * The lead engine against a labeled set (default /work/shared/data/leads/dev.jsonl): isLead
 * precision/recall/F1, alert precision for high+critical (definitions in
 * src/server/leads/evaluate.ts), intent accuracy on true leads and the priority confusion, on
 * every line and on every 3rd line apart. Caveat: the lexicons were written after reading the
 * whole dev file, so that third is not a true hold-out; it only shows the rules were not fitted
 * line by line. For an unseen estimate, score comments labeled after the rules were frozen.
 *
 *   npm run eval:leads -- [FILE] [--misses]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { LEAD_PRIORITIES, type LeadInput, type LeadScore, scoreComment } from "@/server/leads";
import { type Evaluation, evaluate, type Judgement } from "@/server/leads/evaluate";

interface Row extends LeadInput {
  id: string;
  label: Judgement & { why?: string };
}

const args = process.argv.slice(2);
const showMisses = args.includes("--misses");
const file = resolve(args.find((a) => !a.startsWith("--")) ?? "/work/shared/data/leads/dev.jsonl");
const rows: Row[] = readFileSync(file, "utf8")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Row);
const scored = rows.map((row) => ({ row, predicted: scoreComment(row) }));

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function report(title: string, subset: { row: Row; predicted: LeadScore }[]): void {
  const e: Evaluation = evaluate(
    subset.map((s) => ({ label: s.row.label, predicted: s.predicted })),
  );
  console.log(`\n${title} (n=${e.n})`);
  console.log(
    `  isLead      precision ${pct(e.precision)}  recall ${pct(e.recall)}  F1 ${e.f1.toFixed(3)}`,
  );
  console.log(
    `  alerts      ${e.alerts} predicted high|critical: ${pct(e.alertPrecision)} labeled high|critical leads, ${pct(e.alertLeadPrecision)} leads at all`,
  );
  console.log(`  intent      ${pct(e.intentAccuracy)} right on labeled leads`);
  console.log(
    `  priority    label ↓ / predicted → ${LEAD_PRIORITIES.map((p) => p.padStart(8)).join("")}`,
  );
  for (const label of LEAD_PRIORITIES) {
    const cells = LEAD_PRIORITIES.map((p) => String(e.confusion[label][p]).padStart(8)).join("");
    console.log(`  ${label.padStart(31)} ${cells}`);
  }
}

console.log(`Lead engine on ${file}`);
report("All lines", scored);
report(
  "Held-out third (lines 3, 6, 9, …)",
  scored.filter((_, i) => i % 3 === 2),
);

if (showMisses) {
  console.log("\nDisagreements (label → predicted):");
  for (const { row, predicted } of scored) {
    const { label } = row;
    if (label.priority === predicted.priority && label.intent === predicted.intent) continue;
    console.log(
      `${row.id} ${label.priority}/${label.intent} → ${predicted.priority}/${predicted.intent} (${predicted.score}) | ${row.text.slice(0, 110)} | ${row.author?.headline ?? ""}\n    ${predicted.reasons.join(" · ")}`,
    );
  }
}
