import { DomainError } from "@/server/errors";
import {
  clean,
  orNull,
  type ParsedComment,
  type ParseResult,
  parseDate,
  profileUrl,
  type Skipped,
} from "./common";

/**
 * Comments from a CSV file: a header row, then one comment per row (RFC 4180: fields in double
 * quotes may hold commas, line breaks and "" for a quote). Comma, semicolon (Excel in much of
 * Europe) or tab separated, detected from the header; a UTF-8 BOM is ignored. Columns are found
 * by name, case- and punctuation-insensitive, from the aliases below; only a text column is
 * required.
 *
 * Errors: a file whose structure is broken (a quote that never closes, text after a closing
 * quote) is refused as a whole, naming the line: past that point we can't tell where rows begin,
 * so importing "the good rows" would import garbage. A row that is wrong on its own (no text, more
 * fields than the header) is skipped and reported with its line while the others import.
 */

type Column = "name" | "firstName" | "lastName" | "headline" | "company" | "text" | "date" | "url";

const ALIASES: Record<Column, string[]> = {
  name: [
    "name",
    "author",
    "authorname",
    "fullname",
    "commenter",
    "commentername",
    "commentauthor",
    "member",
    "membername",
    "person",
    "username",
  ],
  firstName: ["firstname", "givenname", "first"],
  lastName: ["lastname", "familyname", "surname", "last"],
  headline: ["headline", "authorheadline", "title", "jobtitle", "position", "occupation", "role"],
  company: [
    "company",
    "companyname",
    "authorcompany",
    "organization",
    "organisation",
    "employer",
    "account",
  ],
  text: ["comment", "comments", "commenttext", "commentbody", "text", "message", "body", "content"],
  date: [
    "date",
    "time",
    "timestamp",
    "datetime",
    "commentedat",
    "commentdate",
    "createdat",
    "postedat",
    "dateposted",
    "when",
  ],
  url: [
    "profileurl",
    "profile",
    "profilelink",
    "linkedinurl",
    "linkedinprofile",
    "linkedinprofileurl",
    "authorprofileurl",
    "authorurl",
    "url",
    "link",
  ],
};

const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

interface Record_ {
  line: number;
  fields: string[];
}

function detectDelimiter(input: string): string {
  // Count separators on the header line, outside quotes.
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function malformed(line: number, what: string): DomainError {
  return new DomainError(
    "BAD_REQUEST",
    `The CSV is malformed on line ${line}: ${what}. Nothing was imported. Fix that line (or export the file again) and upload it again.`,
  );
}

/** Splits the file into records, tracking the line each starts on. */
export function readCsvRecords(input: string, delimiter = detectDelimiter(input)): Record_[] {
  const records: Record_[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = input.length;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  while (i < n) {
    const ch = input[i]!;
    if (ch === '"' && field.trim() === "") {
      // A quoted field (spaces before the quote dropped): up to the quote that isn't doubled.
      const opened = line;
      field = "";
      i++;
      for (;;) {
        if (i >= n)
          throw malformed(opened, 'a quoted field starts here but its closing " is missing');
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\r" && input[i + 1] === "\n") {
          field += "\n";
          i += 2;
          line++;
          continue;
        }
        if (c === "\n" || c === "\r") line++;
        field += c === "\r" ? "\n" : c;
        i++;
      }
      // Spaces after the closing quote are tolerated; anything else isn't.
      while (i < n && (input[i] === " " || (input[i] === "\t" && delimiter !== "\t"))) i++;
      if (i < n && input[i] !== delimiter && input[i] !== "\n" && input[i] !== "\r") {
        throw malformed(
          line,
          `text follows a closing quote ("…"${input[i]}); put the whole field in quotes and write a quote inside it as ""`,
        );
      }
      // Marks the field as quoted-and-done even when empty.
      if (field === "") field = "\u0000";
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = "";
      i++;
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      endRecord();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== "" || fields.length > 0) endRecord();
  // "\u0000" only marked empty quoted fields (NUL can't be in the input: it was cleaned out).
  for (const r of records) r.fields = r.fields.map((f) => (f === "\u0000" ? "" : f));
  return records;
}

export function parseCsv(raw: string, now: Date): ParseResult {
  const input = clean(raw.replace(/^\ufeff/, ""));
  const records = readCsvRecords(input);
  if (records.length === 0) {
    throw new DomainError(
      "BAD_REQUEST",
      "The CSV is empty. Upload a file with a header row (for example name, headline, comment) and one comment per row.",
    );
  }
  const [header, ...rows] = records;
  const columns = new Map<Column, number>();
  header!.fields.forEach((h, index) => {
    const key = headerKey(h);
    for (const [column, aliases] of Object.entries(ALIASES) as [Column, string[]][]) {
      if (aliases.includes(key) && !columns.has(column)) {
        columns.set(column, index);
        break;
      }
    }
  });
  if (!columns.has("text")) {
    const found = header!.fields.map((f) => f.trim()).filter(Boolean);
    throw new DomainError(
      "BAD_REQUEST",
      `The CSV has no column with the comment text: name it "comment" or "text". The first row should be the column names${found.length ? `; it has ${found.slice(0, 8).join(", ")}` : ""}. Nothing was imported.`,
    );
  }

  const comments: ParsedComment[] = [];
  const skipped: Skipped[] = [];
  const width = header!.fields.length;
  for (const row of rows) {
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? undefined : row.fields[index];
    };
    const extra = row.fields.slice(width).some((f) => f.trim() !== "");
    if (extra) {
      skipped.push({
        line: row.line,
        reason: `This row has ${row.fields.length} fields but the header has ${width}. Put text that contains a comma in double quotes.`,
      });
      continue;
    }
    const text = (cell("text") ?? "").trim();
    if (!text) {
      skipped.push({ line: row.line, reason: "This row has no comment text." });
      continue;
    }
    const name =
      orNull(cell("name")) ??
      orNull([cell("firstName"), cell("lastName")].filter((p) => p?.trim()).join(" "));
    comments.push({
      line: row.line,
      authorName: name,
      authorHeadline: orNull(cell("headline")),
      authorCompany: orNull(cell("company")),
      authorProfileUrl: profileUrl(cell("url")),
      text,
      commentedAt: parseDate(cell("date") ?? "", now),
      byPostAuthor: false,
    } satisfies ParsedComment);
  }
  return { comments, skipped };
}
