import { describe, expect, it } from "vitest";
import { findNegatives } from "./negatives";
import { scanText, signalHits } from "./scan";
import { readAuthor } from "./seniority";

function negatives(text: string, headline = "") {
  const scan = scanText(text);
  return findNegatives(scan, signalHits(scan), readAuthor(headline));
}
const hard = (text: string, headline = "") => negatives(text, headline).some((n) => n.hard);

describe("findNegatives", () => {
  it.each([
    ["job seeker", "Open to work: 7 years of Go, remote, available now"],
    ["job seeker (de)", "Ich bin auf Jobsuche als Frontend-Entwickler"],
    ["recruiter", "I have two strong staff engineers available right now, pre-vetted"],
    ["vendor", "Our clients love it. Free trial for companies like yours, link in bio"],
    ["vendor (fr)", "N'hésitez pas à nous contacter pour un diagnostic gratuit"],
    ["student", "I'm a computer science student, can I use this for my thesis?"],
    ["spam", "Earn 3000 weekly with crypto trading, message me on WhatsApp"],
    ["fellow consultant", "Fractional CTO here as well, nice to meet fellow practitioners"],
  ])("a %s is a hard negative", (_, text) => {
    expect(hard(text)).toBe(true);
  });

  it("a job seeker or student headline is a hard negative", () => {
    expect(hard("Interesting!", "Data engineer | Open to Work")).toBe(true);
    expect(hard("Interesting!", "Computer Science Student")).toBe(true);
  });

  it("subtracts points for softer negatives and says why", () => {
    const solved = negatives("We fixed this with a weekly architecture review. Game changer.");
    expect(solved).toEqual([
      expect.objectContaining({
        hard: false,
        reason: expect.stringMatching(/^Negative: already solved it/),
      }),
    ]);
    expect(negatives("At my last job we had 40 services")[0]?.reason).toMatch(/past story/);
    expect(negatives("How do I get into SRE? My career feels stuck")[0]?.reason).toMatch(/career/);
  });

  it("counts a link and hashtag stuffing", () => {
    expect(negatives("Read more at example.com/scale")[0]?.reason).toMatch(/drops a link/);
    expect(negatives("So true #tech #ai #cloud #growth")[0]?.reason).toMatch(/4 hashtags/);
  });

  it("weighs headline roles that rarely buy", () => {
    const reasons = (headline: string) => negatives("Good point", headline).map((n) => n.reason);
    expect(reasons("Technical Recruiter at Hirewell")[0]).toMatch(/recruiter/);
    expect(reasons("Independent consultant")[0]).toMatch(/sells consulting/);
    expect(reasons("Growth Marketer")[0]).toMatch(/sales or marketing/);
  });

  it("finds nothing in an ordinary buyer comment", () => {
    expect(negatives("Our team is struggling with this, can we talk?", "CTO at Birchly")).toEqual(
      [],
    );
  });
});
