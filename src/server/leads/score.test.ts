import { describe, expect, it } from "vitest";
import { LEAD_INTENTS, LEAD_PRIORITIES, PRIORITY_THRESHOLDS, scoreComment } from ".";
import type { LeadInput, LeadScore } from "./types";

const CTO = { headline: "CTO at Wrenfield" };
const score = (text: string, author = CTO, extra: Partial<LeadInput> = {}) =>
  scoreComment({ text, author, ...extra });
const reasons = (result: LeadScore) => result.reasons.join(" | ");

function expectWellFormed(result: LeadScore): void {
  expect(Number.isInteger(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(100);
  expect(LEAD_PRIORITIES).toContain(result.priority);
  expect([...LEAD_INTENTS, "none"]).toContain(result.intent);
  expect(result.isLead).toBe(result.priority !== "none");
  expect(result.intent === "none").toBe(!result.isLead);
  expect(result.reasons.length).toBeGreaterThan(0);
  for (const r of result.reasons) expect(typeof r).toBe("string");
  const band = PRIORITY_THRESHOLDS.find((t) => result.score >= t.min)?.priority ?? "none";
  expect(result.priority).toBe(band);
}

describe("scoreComment: signals", () => {
  it("a direct ask from a decision maker with a problem of their own is a high lead", () => {
    const result = score(
      "We're 30 engineers and every release slips. Would you be open to a short call about it?",
    );
    expectWellFormed(result);
    expect(result.priority).toBe("high");
    expect(reasons(result)).toMatch(/Asks for help directly \("Would you be open to/);
    expect(reasons(result)).toMatch(/Decision maker: CTO/);
    expect(reasons(result)).toMatch(/Team size: 30 engineers/);
  });

  it("a deadline and a budget on top make it critical", () => {
    const result = score(
      "Our investors want an architecture audit before the round closes in four weeks. Budget is approved — can we set up a call this week?",
    );
    expect(result.priority).toBe("critical");
    expect(result.intent).toBe("architecture_review");
    expect(reasons(result)).toMatch(/Deadline or urgency/);
    expect(reasons(result)).toMatch(/Mentions budget or payment \("Budget"\)/);
  });

  it("without a direct ask the score stays in medium and says so", () => {
    const result = score(
      "This is us right now: 12 teams, nobody owns the data model, and the board wants a plan by Friday. Where would you start?",
    );
    expect(result.priority).toBe("medium");
    expect(result.score).toBeLessThanOrEqual(59);
    expect(reasons(result)).toMatch(/Capped at medium/);
  });

  it("without urgency a strong ask stays in high", () => {
    const result = score(
      "We're a non-technical founding team with budget for a fractional CTO. Do you take on engagements like this? Happy to pay for a scoping session.",
      { headline: "Co-founder & CEO at Pebblepath" },
    );
    expect(result.priority).toBe("high");
    expect(result.intent).toBe("fractional_cto");
  });

  it("advice-seeking about their own problem is a medium lead", () => {
    const result = score(
      "We're drowning in tech debt from a 10 year old Rails app. How do you usually convince the board to fund the cleanup?",
      { headline: "VP Engineering at Lumenfold" },
    );
    expect(result.priority).toBe("medium");
    expect(result.intent).toBe("technical_debt");
  });

  it("a giveaway reply is a weak lead from a founder and none from an engineer", () => {
    const post = {
      text: "My scorecard for your first engineering hires: comment 'interested' and I'll send it.",
    };
    const founder = score("Interested!", { headline: "Founder at Sootbird" }, { post });
    expect(founder.priority).toBe("low");
    expect(founder.intent).toBe("hiring_strategy");
    expect(
      score("Interested!", { headline: "Backend Engineer at Sootbird" }, { post }).isLead,
    ).toBe(false);
  });

  it("passing the post to a decision maker is a lead", () => {
    const result = score("Forwarding this to our CTO, this is exactly our situation.", {
      headline: "Head of Product at Ravenmoor",
    });
    expect(result.isLead).toBe(true);
    expect(reasons(result)).toMatch(/Passes it to a decision maker/);
  });

  it("a question put to the author about their own company counts, even in words no phrase lists", () => {
    const result = score(
      "Our platform group is three people for ninety engineers. Is that ratio insane to you?",
      {
        headline: "SVP Engineering at Pinecrest",
      },
    );
    expect(result.isLead).toBe(true);
    expect(reasons(result)).toMatch(/Asks you about it/);
  });

  it("repeat engagement adds a signal", () => {
    const text = "We keep hitting this. Any tips on where to start?";
    const once = score(text, CTO, { priorEngagements: 0 });
    const again = score(text, CTO, { priorEngagements: 3 });
    expect(again.score).toBeGreaterThan(once.score);
    expect(reasons(again)).toMatch(/Repeat engagement: 3 interactions/);
  });

  it("seniority and context never make a lead on their own", () => {
    const result = score("Our CTO and our board would agree with this.", {
      headline: "CEO at Hollowell",
    });
    expect(result.isLead).toBe(false);
  });
});

describe("scoreComment: languages", () => {
  it.each([
    [
      "de",
      "Wir kämpfen gerade genau damit, 25 Entwickler und kein Plattformteam. Können wir nächste Woche telefonieren?",
      "Gründer & CEO bei Hafenlicht GmbH",
    ],
    [
      "fr",
      "Nous avons exactement ce problème avec notre prestataire. Pouvons-nous échanger cette semaine ?",
      "CEO chez Pivoine",
    ],
    [
      "es",
      "Estamos justo en ese punto, de 12 a 30 ingenieros este año. ¿Podemos hablar la próxima semana?",
      "CTO en Marea",
    ],
    [
      "nl",
      "Herkenbaar: wij zitten met een monoliet van 15 jaar oud. Kunnen we volgende week even bellen?",
      "CTO bij Duinstroom",
    ],
    [
      "en",
      "Same boat: legacy monolith, 20 devs, everyone wants a rewrite. Can we book a call next week?",
      "CTO at Larkspur",
    ],
  ])(
    "%s: a direct ask with a deadline from a decision maker is a high or critical lead",
    (_, text, headline) => {
      const result = score(text, { headline });
      expectWellFormed(result);
      expect(["high", "critical"]).toContain(result.priority);
    },
  );

  it.each([
    ["de", "Sehr guter Beitrag, danke fürs Teilen!"],
    ["fr", "Tellement vrai, merci pour le partage !"],
    ["es", "Totalmente de acuerdo, gracias por compartir."],
    ["nl", "Helemaal mee eens, bedankt voor het delen."],
    ["en", "Well said, thanks for sharing!"],
  ])("%s: praise alone is not a lead, and says so", (_, text) => {
    const result = score(text);
    expect(result.isLead).toBe(false);
    expect(result.reasons[0]).toMatch(/^Praise or agreement only/);
  });
});

describe("scoreComment: hard negatives", () => {
  it.each([
    [
      "job seeker",
      "Open to work! 6 years React, can start immediately, DM me",
      { headline: "Frontend Developer" },
    ],
    [
      "recruiter saying DM me",
      "We're hiring two staff engineers for a fast-growing client, DM me if you're interested",
      { headline: "Senior Technical Recruiter at Hirepath" },
    ],
    [
      "vendor pitch",
      "Great post! We help companies like yours cut cloud costs 40%. Can we talk? Free audit at the link in bio",
      { headline: "Account Executive at Cloudsaver" },
    ],
    [
      "student",
      "As a CS student this is super useful for my thesis, can we talk?",
      { headline: "Student at Uni Leiden" },
    ],
    [
      "spam",
      "Make money from home with crypto trading, contact me on WhatsApp",
      { headline: "Entrepreneur" },
    ],
    [
      "already solved",
      "We fixed this last year with a platform team, best decision we made.",
      { headline: "VP Engineering at Quillby" },
    ],
    [
      "fellow consultant",
      "Fractional CTO here too, let's connect and compare notes!",
      { headline: "Fractional CTO | Advisor" },
    ],
    ["praise only", "Great post! 🔥", { headline: "CEO at Brambly" }],
  ])("%s is not a lead", (_, text, author) => {
    const result = score(text, author);
    expectWellFormed(result);
    expect(result.isLead).toBe(false);
    expect(result.intent).toBe("none");
  });

  it("a strong ask does not outweigh a hard negative", () => {
    const result = score(
      "Urgent: can we set up a call this week? Happy to pay. Check out our agency, link in bio.",
    );
    expect(result.isLead).toBe(false);
    expect(result.reasons[0]).toMatch(/^Negative: vendor pitching/);
  });
});

describe("scoreComment: edge cases", () => {
  it("handles empty and emoji-only comments", () => {
    for (const text of ["", "   ", "👏👏👏", "🔥"]) {
      const result = score(text);
      expectWellFormed(result);
      expect(result.isLead).toBe(false);
      expect(result.reasons).toEqual(["Nothing to score: the comment has no words"]);
    }
  });

  it("treats HTML and script as text", () => {
    const plain = score("Can we set up a call? We're struggling with our deploys.");
    const html = score(
      "<p>Can we set up a call?</p><script>alert('x')</script> We're <b>struggling</b> with our deploys.",
    );
    expect(html.priority).toBe(plain.priority);
    expect(html.reasons.join(" ")).toContain("Can we set up a call");
  });

  it("scores a 20,000-character comment quickly and reads only its start", () => {
    const text = `Can we talk this week? ${"Our monolith is a mess. ".repeat(850)}`;
    expect(text.length).toBeGreaterThan(20_000);
    const start = performance.now();
    const result = score(text);
    expect(performance.now() - start).toBeLessThan(50);
    expectWellFormed(result);
    expect(result.isLead).toBe(true);
  });

  it("works without author or post", () => {
    const result = scoreComment({ text: "Could you help us? Our CTO just left." });
    expectWellFormed(result);
    expect(result.isLead).toBe(true);
  });

  it("is deterministic", () => {
    const input: LeadInput = {
      text: "We're 40 people and our AWS bill tripled. Do you do cost reviews?",
      author: { headline: "COO at Sablemere" },
      post: { text: "A client cut their cloud bill by a third." },
      priorEngagements: 2,
    };
    const first = scoreComment(input);
    for (let i = 0; i < 5; i++) expect(scoreComment(input)).toEqual(first);
  });
});
