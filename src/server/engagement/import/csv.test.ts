import { describe, expect, it } from "vitest";
import { importExternalId } from "./common";
import { parseCsv, readCsvRecords } from "./csv";

const NOW = new Date("2026-04-10T12:00:00Z");

describe("CSV comments", () => {
  it("reads quoted fields with commas, quotes and line breaks, and a BOM", () => {
    const csv =
      "\ufeffName,Headline,Company,Comment,Date,Profile URL\r\n" +
      '"Doe, Jane",Head of Platform,Finly,"We need help, fast.\r\nCan we talk? She said ""yes"".",2026-04-01T09:30:00Z,https://www.linkedin.com/in/janedoe\r\n' +
      "Tomás Ibarra,Engineering Manager,,Great post 🔥,2026-04-02,\r\n";
    const { comments, skipped } = parseCsv(csv, NOW);
    expect(skipped).toEqual([]);
    expect(comments).toEqual([
      {
        line: 2,
        authorName: "Doe, Jane",
        authorHeadline: "Head of Platform",
        authorCompany: "Finly",
        authorProfileUrl: "https://www.linkedin.com/in/janedoe",
        text: 'We need help, fast.\nCan we talk? She said "yes".',
        commentedAt: new Date("2026-04-01T09:30:00Z"),
        byPostAuthor: false,
      },
      {
        line: 4,
        authorName: "Tomás Ibarra",
        authorHeadline: "Engineering Manager",
        authorCompany: null,
        authorProfileUrl: null,
        text: "Great post 🔥",
        commentedAt: new Date("2026-04-02T00:00:00Z"),
        byPostAuthor: false,
      },
    ]);
  });

  it("finds columns by aliases in any case, semicolons and first/last names", () => {
    const csv =
      "FIRST NAME;Last Name;Job Title;Message;Commented At;LinkedIn URL\nJane;Doe;CTO;Hallo;3d;javascript:alert(1)\n";
    const [c] = parseCsv(csv, NOW).comments;
    expect(c).toMatchObject({
      authorName: "Jane Doe",
      authorHeadline: "CTO",
      text: "Hallo",
      commentedAt: new Date(NOW.getTime() - 3 * 86_400_000),
      // Not a web link: never stored, so it can never become a link.
      authorProfileUrl: null,
    });
  });

  it("reads tab-separated files and a text column called 'text'", () => {
    const [c] = parseCsv("author\ttext\nAnn\tHello, world\n", NOW).comments;
    expect(c).toMatchObject({ authorName: "Ann", text: "Hello, world" });
  });

  it("skips rows without text and rows with too many fields, importing the rest", () => {
    const csv = "name,comment\nAnn,\nBob,one, two\nCara,fine\n\n";
    const { comments, skipped } = parseCsv(csv, NOW);
    expect(comments.map((c) => c.authorName)).toEqual(["Cara"]);
    expect(skipped).toEqual([
      { line: 2, reason: "This row has no comment text." },
      { line: 3, reason: expect.stringContaining("has 3 fields but the header has 2") },
    ]);
  });

  it("refuses an unterminated quote as a whole, naming the line where it starts", () => {
    const csv = 'name,comment\nAnn,fine\nBob,"never closed\nCara,also fine\n';
    expect(() => parseCsv(csv, NOW)).toThrow(/line 3.*closing " is missing.*Nothing was imported/);
  });

  it("refuses text after a closing quote", () => {
    expect(() => parseCsv('name,comment\nAnn,"quoted"tail\n', NOW)).toThrow(/line 2/);
  });

  it("needs a text column and says which columns it found", () => {
    expect(() => parseCsv("name,headline\nAnn,CTO\n", NOW)).toThrow(
      /no column with the comment text.*name, headline/,
    );
    expect(() => parseCsv("", NOW)).toThrow(/empty/);
  });

  it("keeps a 20,000-character comment, HTML and emoji as they are", () => {
    const long = "x".repeat(20_000);
    const csv = `name,comment\nA,${long}\nB,"<img src=x onerror=alert(1)>"\nC,👍🏽\n`;
    const { comments } = parseCsv(csv, NOW);
    expect(comments.map((c) => c.text)).toEqual([long, "<img src=x onerror=alert(1)>", "👍🏽"]);
  });

  it("tracks line numbers across quoted line breaks", () => {
    const records = readCsvRecords('a,b\n"1\n2\n3",x\ny,z\n', ",");
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("dedupe keys ignore case, spacing and Unicode form, not the post", () => {
    const a = importExternalId("p1", "Jane Doe", "Great  post!");
    expect(importExternalId("p1", " jane doe ", "great post!")).toBe(a);
    expect(importExternalId("p1", "Jane Doe", "Great post?")).not.toBe(a);
    expect(importExternalId("p2", "Jane Doe", "Great post!")).not.toBe(a);
  });
});
