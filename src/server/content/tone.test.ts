import { describe, expect, it } from "vitest";
import { rankForTone, TONE_STYLES, voiceLine } from "./tone";
import { TONES } from "./types";

describe("tone", () => {
  it("describes every tone and gives it lesson leads", () => {
    for (const tone of TONES) {
      expect(TONE_STYLES[tone].description.length).toBeGreaterThan(10);
      expect(TONE_STYLES[tone].lessonLeads.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("drops hedges for sharp tones only", () => {
    const line = "In my experience, the fix takes a week. I think it's worth it.";
    expect(voiceLine("provocative", line)).toBe("The fix takes a week. It's worth it.");
    expect(voiceLine("direct", line)).toBe("The fix takes a week. It's worth it.");
    expect(voiceLine("warm", line)).toBe(line);
  });

  it("ranks preferred lines first and keeps the given order otherwise", () => {
    const lines = [
      "A long line that goes on and on about nothing in particular, well past the length that a sharp, direct tone would ever pick for a post.",
      "Short one.",
      "We did it together.",
    ];
    expect(rankForTone("provocative", lines, (line) => line)).toEqual([
      lines[1],
      lines[2],
      lines[0],
    ]);
    expect(rankForTone("warm", lines, (line) => line)).toEqual([lines[2], lines[0], lines[1]]);
    expect(rankForTone("analytical", lines, (line) => line)).toEqual(lines);
  });
});
