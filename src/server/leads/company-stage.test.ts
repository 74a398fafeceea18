import { describe, expect, it } from "vitest";
import { readCompanyContext } from "./company-stage";
import { scanText } from "./scan";

const read = (comment: string, ...about: string[]) =>
  readCompanyContext(scanText(comment), about.map(scanText));

describe("readCompanyContext", () => {
  it("finds the stage in the comment, the headline or the company", () => {
    expect(read("We just closed our Series A").stage).toBe("series_a");
    expect(read("Hello", "Founder | pre-seed fintech").stage).toBe("pre_seed");
    expect(read("Wir sind ein Mittelständler").stage).toBe("enterprise");
    expect(read("Nous venons de lever des fonds").stage).toBe("fundraising");
    expect(read("Nothing about the company here").stage).toBeUndefined();
  });

  it("prefers the most specific stage", () => {
    expect(read("Our startup just raised our seed round").stage).toBe("seed");
  });

  it("reads the team size, digits or words, in any language", () => {
    expect(read("We're 35 engineers now").teamSize).toEqual({ size: 35, words: "35 engineers" });
    expect(read("Somos doce personas").teamSize?.size).toBe(12);
    expect(read("Wij zijn met 40 ontwikkelaars").teamSize?.size).toBe(40);
    expect(read("a team of twenty").teamSize?.size).toBe(20);
  });
});
