import { describe, expect, it } from "vitest";
import { detectIntent } from "./intent";
import { scanText, signalHits } from "./scan";

function intentOf(comment: string, post?: string) {
  const scan = scanText(comment);
  return detectIntent(scan, post === undefined ? undefined : scanText(post), signalHits(scan))
    .intent;
}

describe("detectIntent", () => {
  it.each([
    ["Our 15-year-old PHP codebase needs a rewrite", "technical_debt"],
    ["Should we build our own billing or buy one off the shelf?", "build_vs_buy"],
    ["We have 20 microservices and 6 engineers", "architecture_review"],
    ["We need a plan for our first five engineering hires", "hiring_strategy"],
    ["Just closed our Series A and deploys already hurt", "startup_scaling"],
    ["Every team is stepping on each other, we need a platform team", "team_scaling"],
    ["We are looking for a fractional CTO", "fractional_cto"],
    ["Our AWS bill doubled this year", "general_consulting"],
    ["Unsere technischen Schulden bremsen alles", "technical_debt"],
    ["Nous hésitons à découper notre architecture en microservices", "architecture_review"],
    ["Tenemos que decidir: construir o comprar", "build_vs_buy"],
    ["Wij zoeken een interim CTO", "fractional_cto"],
  ])("%s → %s", (comment, intent) => {
    expect(intentOf(comment)).toBe(intent);
  });

  it("lets the post fill in what a short comment leaves open", () => {
    expect(intentOf("Interested", "My checklist for your first tech due diligence")).toBe(
      "architecture_review",
    );
  });

  it("weighs the comment's own words over the post's", () => {
    expect(intentOf("Our legacy monolith is the real problem", "How to scale your team")).toBe(
      "technical_debt",
    );
  });

  it("reads a gap in technical leadership as a fractional CTO need", () => {
    expect(intentOf("I'm a non-technical founder and our only developer just left")).toBe(
      "fractional_cto",
    );
  });

  it("falls back to general consulting", () => {
    expect(intentOf("Can we talk?")).toBe("general_consulting");
  });
});
