import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import { parsePaste } from "./paste";

const NOW = new Date("2026-04-10T12:00:00Z");
const HOUR = 3_600_000;
const pick = (text: string) =>
  parsePaste(text, NOW).comments.map((c) => ({
    name: c.authorName,
    headline: c.authorHeadline,
    text: c.text,
    author: c.byPostAuthor,
  }));

describe("pasted LinkedIn comments", () => {
  it("reads a desktop thread with degrees, headlines, footers and an Author reply", () => {
    const pasted = `Most relevant

Jane Doe
 • 2nd
Head of Platform at Finly
2h

We had exactly this problem going from 5 to 40 engineers. Could we talk about how you'd approach it for us?

Like
Reply
3 Reactions
3

Reply
1 Reply

Alex Morgan
Author
Fractional CTO | Platform engineering
1h

Thanks Jane! Sending you a DM.

Like
Reply
1 Reaction

Tomás Ibarra
 • 3rd+
Engineering Manager
1d (edited)
Great post.

Second paragraph, with a link https://example.com/a?b=c
Like | Reply
Load more comments`;
    expect(pick(pasted)).toEqual([
      {
        name: "Jane Doe",
        headline: "Head of Platform at Finly",
        text: "We had exactly this problem going from 5 to 40 engineers. Could we talk about how you'd approach it for us?",
        author: false,
      },
      {
        name: "Alex Morgan",
        headline: "Fractional CTO | Platform engineering",
        text: "Thanks Jane! Sending you a DM.",
        author: true,
      },
      {
        name: "Tomás Ibarra",
        headline: "Engineering Manager",
        text: "Great post.\n\nSecond paragraph, with a link https://example.com/a?b=c",
        author: false,
      },
    ]);
    const [jane, , tomas] = parsePaste(pasted, NOW).comments;
    expect(jane!.commentedAt).toEqual(new Date(NOW.getTime() - 2 * HOUR));
    expect(tomas!.commentedAt).toEqual(new Date(NOW.getTime() - 24 * HOUR));
    expect(jane!.line).toBe(3);
  });

  it("copes with duplicated names, avatar text, long degrees and inline degrees", () => {
    const pasted = `View Owen Clarke’s profile
Owen Clarke
Owen Clarke
2nd degree connection
2nd
CTO at Harbour Health
3d
What would this cost for a team of 12?
Like
·
2
Reply
Mei Chen • 3rd+
Director of Engineering
1w
Saving this 🔥🚀
Like | Reply
Sofia Marchetti (She/Her) • 1st
5mo
Agree.`;
    expect(pick(pasted)).toEqual([
      {
        name: "Owen Clarke",
        headline: "CTO at Harbour Health",
        text: "What would this cost for a team of 12?",
        author: false,
      },
      {
        name: "Mei Chen",
        headline: "Director of Engineering",
        text: "Saving this 🔥🚀",
        author: false,
      },
      { name: "Sofia Marchetti (She/Her)", headline: null, text: "Agree.", author: false },
    ]);
  });

  it("splits comments without footers at the next author block", () => {
    const pasted = `Owen Clarke
CTO at Harbour Health
5d
Interesting take.
We should talk next week.

Sofia Marchetti
VP Product
6d
Agree, and more.
Rafael Costa
 • 2nd
4h
Same here.`;
    expect(pick(pasted)).toEqual([
      {
        name: "Owen Clarke",
        headline: "CTO at Harbour Health",
        text: "Interesting take.\nWe should talk next week.",
        author: false,
      },
      { name: "Sofia Marchetti", headline: "VP Product", text: "Agree, and more.", author: false },
      { name: "Rafael Costa", headline: null, text: "Same here.", author: false },
    ]);
  });

  it("keeps HTML and script as plain text, and a folded comment without its '…more'", () => {
    const [c1, c2] = parsePaste(
      `Eve Hacker
1h
<script>alert("x")</script> <b>bold</b> & stuff
Like
Dan Fold
2h
This is long and LinkedIn folded it …more`,
      NOW,
    ).comments;
    expect(c1!.text).toBe(`<script>alert("x")</script> <b>bold</b> & stuff`);
    expect(c2!.text).toBe("This is long and LinkedIn folded it");
  });

  it("reports comments without text and keeps the rest", () => {
    const result = parsePaste(
      `Ann Image
 • 2nd
Designer
3h

Like
Reply
Bob Words
4h
Words here.`,
      NOW,
    );
    expect(result.comments.map((c) => c.authorName)).toEqual(["Bob Words"]);
    expect(result.skipped).toEqual([{ line: 1, reason: expect.stringContaining("Ann Image") }]);
  });

  it("stores a 20,000-character comment intact", () => {
    const long = `${"Lorem ipsum dolor sit amet, ".repeat(800).slice(0, 19_999)}.`;
    const [c] = parsePaste(`Long Writer\n2h\n${long}\nLike`, NOW).comments;
    expect(c!.text).toHaveLength(20_000);
    expect(c!.text).toBe(long);
  });

  it("reads Windows line breaks, non-breaking spaces and 'now'", () => {
    const [c] = parsePaste("Jane\u00a0Doe\r\n\u00a0• 2nd\r\nnow\r\nHi there\r\nLike", NOW).comments;
    expect(c).toMatchObject({ authorName: "Jane Doe", text: "Hi there", commentedAt: NOW });
  });

  it("refuses text with no comments in it, saying what to copy", () => {
    expect(() => parsePaste("Just some text\nwithout any comment times", NOW)).toThrow(DomainError);
    expect(() => parsePaste("", NOW)).toThrow(/couldn't find any comments/);
  });
});
