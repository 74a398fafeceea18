import { describe, expect, it } from "vitest";
import { readAuthor } from "./seniority";

describe("readAuthor", () => {
  it.each([
    ["Co-founder & CTO at Kelpie Labs", "cLevel", "Co-founder"],
    ["Founder | Building a booking app for vets", "cLevel", "Founder"],
    ["VP Engineering at Tarnwell", "vp", "VP Engineering"],
    ["Head of Data at Mossgrove", "head", "Head of Data"],
    ["Director of Engineering at Pluto Freight", "director", "Director of Engineering"],
    ["Senior Engineering Manager at Ostrich", "manager", "Engineering Manager"],
    ["Staff Software Engineer at Fernway", "ic", "Engineer"],
    ["MSc student, TU Wien", "student", "student"],
    ["Product Owner at Calypso", "manager", "Product Owner"],
    ["Geschäftsführerin bei Fuchs & Söhne GmbH", "cLevel", "Geschäftsführerin"],
    ["Directrice technique chez Orme", "cLevel", "Directrice technique"],
    ["Fundadora en Pomelo", "cLevel", "Fundadora"],
    ["Oprichter bij Kiezel", "cLevel", "Oprichter"],
    ["", "unknown", undefined],
  ])("%s → %s", (headline, level, title) => {
    const author = readAuthor(headline);
    expect(author.seniority).toBe(level);
    expect(author.title).toBe(title);
  });

  it("does not take a former or fractional title as the current job", () => {
    expect(readAuthor("Ex-CTO | Angel investor").seniority).toBe("unknown");
    expect(readAuthor("Fractional CTO for fintechs").seniority).toBe("unknown");
    expect(readAuthor("Aspiring Engineering Manager | Scrum Master").seniority).toBe("ic");
  });

  it("flags recruiters, fellow consultants, sellers, investors and job seekers", () => {
    expect([...readAuthor("Senior Talent Acquisition Partner").flags.keys()]).toContain(
      "recruiter",
    );
    expect([...readAuthor("Fractional CTO | Advisor").flags.keys()]).toContain("provider");
    expect([...readAuthor("Account Executive at Flowbase").flags.keys()]).toContain("sales");
    expect([...readAuthor("Angel investor").flags.keys()]).toContain("investor");
    expect([...readAuthor("Backend developer | #OpenToWork").flags.keys()]).toContain("jobSeeker");
  });

  it("reads what the employer does from the company name, not a rank", () => {
    const author = readAuthor("Partner", "Quarry Consulting");
    expect(author.flags.get("provider")).toBe("Consulting");
    expect(readAuthor("Engineer", "CEO Club").seniority).toBe("ic");
  });
});
