import { describe, expect, it } from "vitest";
import {
  followerBaseline,
  MIN_HISTORY_FOR_CALIBRATION,
  PREDICTION_FLOOR,
  predictEngagement,
} from "./predict";
import type { HistoricalPost, PredictionInput } from "./types";

// ~1,000 characters with a short first line: a typical consultant post.
const BODY =
  "Most teams split the monolith before they understand their domain.\n" +
  "We did it at a fintech last year: 40 services, one database, and a release train that got slower every sprint. " +
  "The fix was not another tool. It was drawing the boundaries again with the people who own the data, " +
  "merging the services that always changed together, and giving each team one deployable it could ship alone. " +
  "Lead time went from three weeks to two days, and incidents halved. " +
  "If you are about to start a migration, map the change history first: the code already tells you where the seams are. " +
  "Then agree on who owns which data before anyone writes a line of infrastructure. " +
  "It is slower for a month and much faster for the next three years.";
const QUESTION = " Which boundary was hardest for your team to draw?";

function input(over: Partial<PredictionInput> = {}): PredictionInput {
  return { text: BODY, authorFollowers: 10_000, ...over };
}

function predicted(over: Partial<PredictionInput> = {}): number {
  return predictEngagement(input(over)).predictedEngagement;
}

describe("predictEngagement", () => {
  it("grows with followers (and sub-linearly)", () => {
    const counts = [0, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
    const values = counts.map((authorFollowers) => predicted({ authorFollowers }));
    for (let i = 1; i < values.length; i++) {
      expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    }
    expect(values.at(-1)!).toBeGreaterThan(values[3]!);
    // 1000× the audience is far less than 1000× the engagement.
    expect(followerBaseline(1_000_000) / followerBaseline(1_000)).toBeLessThan(100);
  });

  it("rates an image post above the same post as text", () => {
    expect(predicted({ mediaType: "image" })).toBeGreaterThan(predicted({ mediaType: "text" }));
    expect(predicted({ mediaType: "document" })).toBeGreaterThan(predicted({ mediaType: "image" }));
  });

  it("raises the prediction for a closing question", () => {
    const withQuestion = predictEngagement(input({ text: BODY + QUESTION }));
    expect(withQuestion.predictedEngagement).toBeGreaterThan(predicted());
    expect(withQuestion.factors.find((f) => f.name === "question")?.multiplier).toBeGreaterThan(1);
  });

  it("lowers the prediction for more than 5 hashtags", () => {
    const three = predicted({ text: `${BODY}\n#architecture #microservices #cto` });
    const eight = predicted({
      text: `${BODY}\n#architecture #microservices #cto #devops #cloud #leadership #tech #startups`,
    });
    expect(eight).toBeLessThan(three);
    expect(eight).toBeLessThan(predicted());
  });

  it("lowers the prediction for an external link, but not for a LinkedIn one", () => {
    expect(
      predicted({ text: `${BODY} Full write-up: https://example.com/blog/monolith` }),
    ).toBeLessThan(predicted());
    expect(predicted({ text: `${BODY} Shortened: https://lnkd.in/abc123` })).toBeLessThan(
      predicted(),
    );
    const internal = predictEngagement(
      input({ text: `${BODY} My profile: https://www.linkedin.com/in/someone` }),
    );
    expect(internal.factors.find((f) => f.name === "links")?.multiplier).toBe(1);
  });

  it("explains every factor in plain words, biggest effect first", () => {
    const p = predictEngagement(
      input({
        text: `${BODY}${QUESTION} https://example.com #a #b #c #d #e #f`,
        mediaType: "document",
        framework: "controversial_take",
        postedAt: new Date("2025-03-08T23:30:00Z"),
      }),
    );
    expect(p.explanation.length).toBeGreaterThan(1);
    expect(p.explanation.every((s) => typeof s === "string" && s.length > 10)).toBe(true);
    const effects = p.factors.map((f) => Math.abs(Math.log(f.multiplier)));
    for (let i = 1; i < effects.length; i++) {
      expect(effects[i]!).toBeLessThanOrEqual(effects[i - 1]!);
    }
    // First the baseline, then one sentence per factor in the same order.
    expect(p.explanation[0]).toMatch(/10,000 followers/);
    expect(p.explanation.slice(1, 1 + p.factors.length)).toEqual(p.factors.map((f) => f.note));
    // The document format (×2) is the biggest single effect here.
    expect(p.explanation[1]).toMatch(/document/i);
    expect(p.low).toBeLessThanOrEqual(p.predictedEngagement);
    expect(p.high).toBeGreaterThanOrEqual(p.predictedEngagement);
  });

  it("is deterministic", () => {
    const i = input({ mediaType: "image", postedAt: new Date("2025-03-04T08:00:00Z") });
    expect(predictEngagement(i)).toEqual(predictEngagement(i));
  });

  it("scores timing in the author's time zone", () => {
    // 07:30 UTC Tuesday is 08:30 in Berlin (prime time) but 02:30 in New York (night).
    const at = new Date("2025-03-04T07:30:00Z");
    const berlin = predicted({ postedAt: at, timeZone: "Europe/Berlin" });
    const newYork = predicted({ postedAt: at, timeZone: "America/New_York" });
    expect(berlin).toBeGreaterThan(newYork);
    const saturday = predicted({ postedAt: new Date("2025-03-08T09:00:00Z"), timeZone: "UTC" });
    expect(saturday).toBeLessThan(predicted({ postedAt: at, timeZone: "UTC" }));
    // An unknown zone falls back to UTC instead of throwing.
    expect(() =>
      predictEngagement(input({ postedAt: at, timeZone: "Mars/Olympus" })),
    ).not.toThrow();
  });

  it("uses a sensible default when followers are unknown", () => {
    const p = predictEngagement({ text: BODY });
    expect(p.predictedEngagement).toBeGreaterThan(PREDICTION_FLOOR);
    expect(p.explanation[0]).toMatch(/unknown/i);
  });

  describe("blending with the user's history", () => {
    const base = predicted();
    const history = (n: number, ratio: number): HistoricalPost[] =>
      Array.from({ length: n }, (_, k) => {
        const text = `${BODY} Post ${k}.`;
        const p = predictEngagement({ text, authorFollowers: 10_000 }).predictedEngagement;
        return { input: { text, authorFollowers: 10_000 }, actualEngagement: p * ratio };
      });

    it("ignores fewer than 10 posts and says so", () => {
      const p = predictEngagement(input(), history(MIN_HISTORY_FOR_CALIBRATION - 1, 3));
      expect(p.predictedEngagement).toBe(base);
      expect(p.factors.some((f) => f.name === "calibration")).toBe(false);
      expect(p.explanation.join(" ")).toMatch(/at least 10 past posts with metrics \(you have 9\)/);
    });

    it("moves toward the user's actuals from 10 posts on, without overshooting", () => {
      const up = predictEngagement(input(), history(MIN_HISTORY_FOR_CALIBRATION, 3));
      expect(up.predictedEngagement).toBeGreaterThan(base);
      expect(up.predictedEngagement).toBeLessThan(base * 3);
      expect(up.explanation.join(" ")).toMatch(/Adjusted ×[\d.]+ to your last 10 posts/);

      const down = predictEngagement(input(), history(20, 0.25));
      expect(down.predictedEngagement).toBeLessThan(base);
      expect(down.predictedEngagement).toBeGreaterThan(base * 0.25);

      // More history, more weight: 40 posts pull harder than 10.
      const more = predictEngagement(input(), history(40, 3));
      expect(more.predictedEngagement).toBeGreaterThan(up.predictedEngagement);
    });

    it("skips history entries without metrics", () => {
      const broken = [
        ...history(9, 3),
        { input: { text: BODY }, actualEngagement: Number.NaN },
        { input: { text: "" }, actualEngagement: 5 },
      ];
      expect(predictEngagement(input(), broken).predictedEngagement).toBe(base);
    });
  });

  it("does not crash on empty or invalid text and predicts the floor", () => {
    for (const text of ["", "   \n ", undefined, null, 42] as unknown as string[]) {
      const p = predictEngagement({ text, authorFollowers: 10_000 });
      expect(p.predictedEngagement).toBe(PREDICTION_FLOOR);
      expect(p.explanation.length).toBeGreaterThan(0);
    }
    expect(predictEngagement(null as unknown as PredictionInput).predictedEngagement).toBe(
      PREDICTION_FLOOR,
    );
    const odd = predictEngagement(input({ authorFollowers: Number.NaN }));
    expect(odd.predictedEngagement).toBeGreaterThanOrEqual(PREDICTION_FLOOR);
  });
});
