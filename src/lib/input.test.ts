import { describe, expect, it } from "vitest";
import { cleanText, coercedDateInput, text } from "./input";

describe("text input", () => {
  it("removes NUL and replaces unpaired surrogates, keeping real pairs", () => {
    expect(cleanText("a\u0000b")).toBe("ab");
    expect(cleanText("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
    expect(cleanText("end\uD83D")).toBe("end\uFFFD");
    expect(cleanText("🙂 café")).toBe("🙂 café");
  });

  it("cleans before trimming and length checks", () => {
    const name = text().trim().min(2);
    expect(name.parse(" \u0000Ada\u0000 ")).toBe("Ada");
    expect(name.safeParse("\u0000\u0000a").success).toBe(false);
  });
});

describe("date input", () => {
  it("refuses invalid dates and years Postgres or the scheduler can't take", () => {
    const at = coercedDateInput();
    expect(at.parse("2030-05-01T09:00:00Z")).toEqual(new Date("2030-05-01T09:00:00Z"));
    for (const bad of ["not a date", "+275760-09-13T00:00:00.000Z", new Date(-8.64e15), 1e300]) {
      expect(at.safeParse(bad).error?.issues[0]?.message).toMatch(/valid date|between 1970/);
    }
  });
});
