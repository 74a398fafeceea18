import { describe, expect, it } from "vitest";
import { runOnLines, runScript } from "./lib/run-script";

describe("npm run content:predict", () => {
  it("prints one JSON line per input and an error line for a malformed one", async () => {
    const lines = [
      JSON.stringify({
        id: "p1",
        text: "Short take on build vs buy.\nBuy the boring parts.",
        authorFollowers: 2500,
      }),
      JSON.stringify({
        id: "p2",
        text: "Why we moved off Kubernetes.\nThree reasons. What would you have done?",
        authorFollowers: 12000,
        mediaType: "image",
        postedAt: "2025-03-04T08:30:00Z",
      }),
      "{this is not json",
      JSON.stringify({ id: 3, text: "No follower count or media here." }),
    ];
    const { code, stderr, out } = await runOnLines("scripts/content-predict.ts", lines);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(out).toHaveLength(4);

    for (const [i, id] of [
      [0, "p1"],
      [1, "p2"],
      [3, 3],
    ] as const) {
      const row = out[i]!;
      expect(Object.keys(row)).toEqual(["id", "predictedEngagement", "explanation"]);
      expect(row.id).toBe(id);
      expect(typeof row.predictedEngagement).toBe("number");
      expect(row.predictedEngagement as number).toBeGreaterThanOrEqual(1);
      expect(Array.isArray(row.explanation)).toBe(true);
      expect((row.explanation as unknown[]).length).toBeGreaterThan(0);
      expect((row.explanation as unknown[]).every((s) => typeof s === "string")).toBe(true);
    }
    expect(Object.keys(out[2]!)).toEqual(["id", "error"]);
    expect(out[2]!.id).toBeNull();
    expect(typeof out[2]!.error).toBe("string");
    // The image post by the larger account is predicted above the small text post.
    expect(out[1]!.predictedEngagement as number).toBeGreaterThan(
      out[0]!.predictedEngagement as number,
    );
  });

  it("exits 1 with a message on stderr when the file cannot be read", async () => {
    const { code, stdout, stderr } = await runScript("scripts/content-predict.ts", [
      "/nonexistent/missing.jsonl",
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/cannot read/);
  });
});
