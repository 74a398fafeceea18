import { describe, expect, it } from "vitest";
import { LEAD_INTENTS, LEAD_PRIORITIES } from "@/server/leads";
import { runOnLines, runScript } from "./lib/run-script";

describe("npm run leads:score", () => {
  it("prints one JSON line per input and an error line for a malformed one", async () => {
    const lines = [
      JSON.stringify({
        id: "c1",
        text: "Our only senior engineer just quit and we ship to a bank in 3 weeks. Can we talk today?",
        author: { name: "Ada", headline: "Founder & CEO at Kettle", company: "Kettle" },
        post: { text: "What to do when your tech lead leaves." },
      }),
      JSON.stringify({ id: 2, text: "Great post!" }),
      "{not json",
      JSON.stringify({ id: "c4", author: { headline: "CTO" } }),
      "",
      JSON.stringify({ id: "c5", text: "Interested", author: null, post: { text: null } }),
      JSON.stringify({ id: "c6", text: "Kunnen we volgende week bellen?", author: {} }),
    ];
    const { code, stderr, out } = await runOnLines("scripts/leads-score.ts", lines);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(out).toHaveLength(6);

    for (const [i, id] of [
      [0, "c1"],
      [1, 2],
      [4, "c5"],
      [5, "c6"],
    ] as const) {
      const row = out[i]!;
      expect(Object.keys(row)).toEqual(["id", "isLead", "score", "priority", "intent", "reasons"]);
      expect(row.id).toBe(id);
      expect(typeof row.isLead).toBe("boolean");
      expect(Number.isInteger(row.score)).toBe(true);
      expect(row.score as number).toBeGreaterThanOrEqual(0);
      expect(row.score as number).toBeLessThanOrEqual(100);
      expect(LEAD_PRIORITIES).toContain(row.priority);
      expect([...LEAD_INTENTS, "none"]).toContain(row.intent);
      expect(Array.isArray(row.reasons)).toBe(true);
      expect((row.reasons as unknown[]).length).toBeGreaterThan(0);
      expect((row.reasons as unknown[]).every((s) => typeof s === "string")).toBe(true);
    }
    expect(out[0]).toMatchObject({ isLead: true });
    expect(["high", "critical"]).toContain(out[0]!.priority);
    expect(out[1]).toMatchObject({ isLead: false, priority: "none", intent: "none" });
    expect(out[5]).toMatchObject({ isLead: true });

    expect(out[2]).toEqual({ id: null, error: "invalid JSON" });
    expect(Object.keys(out[3]!)).toEqual(["id", "error"]);
    expect(out[3]!.id).toBe("c4");
    expect(out[3]!.error).toMatch(/^text:/);
  });

  it("exits 1 with a message on stderr when the file cannot be read", async () => {
    const { code, stdout, stderr } = await runScript("scripts/leads-score.ts", [
      "/nonexistent/missing.jsonl",
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/cannot read/);
  });
});
