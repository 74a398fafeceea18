import { describe, expect, it } from "vitest";
import { excerpt, leadAlertTitle, leadRole } from "./lead-alerts";
import { meetsPriority } from "./preferences";
import { compareStreamIds, parseStreamId } from "./stream";

describe("stream ids", () => {
  it("parses <ms>-<seq> and bare <ms>, and rejects anything else", () => {
    expect(parseStreamId("1700000000000-3")).toEqual([1700000000000n, 3n]);
    expect(parseStreamId("42")).toEqual([42n, 0n]);
    expect(parseStreamId("abc")).toBeNull();
    expect(parseStreamId("1-2-3")).toBeNull();
    expect(parseStreamId("(1-0")).toBeNull();
  });

  it("orders numerically, not as text", () => {
    expect(compareStreamIds("9-0", "10-0")).toBe(-1);
    expect(compareStreamIds("10-10", "10-9")).toBe(1);
    expect(compareStreamIds("10-0", "10")).toBe(0);
    expect(["10-1", "9-5", "10-0"].sort(compareStreamIds)).toEqual(["9-5", "10-0", "10-1"]);
  });
});

describe("lead alert text", () => {
  it("names the role with the company unless the headline already does", () => {
    expect(leadRole({ headline: "CTO", company: "Acme" })).toBe("CTO at Acme");
    expect(leadRole({ headline: "CTO at Acme | ex-Google", company: "acme" })).toBe(
      "CTO at Acme | ex-Google",
    );
    expect(leadRole({ headline: "", company: "Acme" })).toBe("Acme");
    expect(leadRole({ headline: "  Founder\n", company: "" })).toBe("Founder");
  });

  it("titles by priority and falls back when the name is unknown", () => {
    expect(leadAlertTitle({ name: "Jane  Doe", priority: "high" })).toBe(
      "New high-priority lead: Jane Doe",
    );
    expect(leadAlertTitle({ name: " ", priority: "critical" })).toBe(
      "New critical-priority lead: someone",
    );
  });

  it("shortens long comments at a word", () => {
    const long = "word ".repeat(100);
    const short = excerpt(long, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.endsWith("word…")).toBe(true);
    expect(excerpt("  short\n text ")).toBe("short text");
  });
});

describe("minimum priority", () => {
  it("lets a lead through at or above the member's minimum", () => {
    expect(meetsPriority("critical", "high")).toBe(true);
    expect(meetsPriority("high", "high")).toBe(true);
    expect(meetsPriority("medium", "high")).toBe(false);
    expect(meetsPriority("low", "low")).toBe(true);
  });
});
