import { describe, expect, it } from "vitest";
import { evaluate, type Judgement } from "./evaluate";

const j = (priority: Judgement["priority"], intent: Judgement["intent"] = "none"): Judgement => ({
  isLead: priority !== "none",
  priority,
  intent,
});

describe("evaluate", () => {
  it("computes isLead precision/recall/F1, alert precision and intent accuracy", () => {
    const e = evaluate([
      { label: j("critical", "fractional_cto"), predicted: j("high", "fractional_cto") },
      { label: j("medium", "team_scaling"), predicted: j("high", "hiring_strategy") },
      { label: j("none"), predicted: j("critical", "build_vs_buy") },
      { label: j("low", "technical_debt"), predicted: j("none") },
      { label: j("none"), predicted: j("none") },
    ]);
    expect(e.n).toBe(5);
    expect(e.precision).toBeCloseTo(2 / 3);
    expect(e.recall).toBeCloseTo(2 / 3);
    expect(e.f1).toBeCloseTo(2 / 3);
    expect(e.alerts).toBe(3);
    expect(e.alertPrecision).toBeCloseTo(1 / 3);
    expect(e.alertLeadPrecision).toBeCloseTo(2 / 3);
    expect(e.intentAccuracy).toBeCloseTo(1 / 3);
    expect(e.confusion.critical.high).toBe(1);
    expect(e.confusion.none.none).toBe(1);
  });

  it("reports 0 rather than NaN on empty sets", () => {
    const e = evaluate([{ label: j("none"), predicted: j("none") }]);
    expect([e.precision, e.recall, e.f1, e.alertPrecision, e.intentAccuracy]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});
