import { findPost } from "@/server/content/post-state";
import type { OrgCtx } from "@/server/context";
import { postComments } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import type { Services } from "@/server/services";
import { importExternalId, type ParsedComment, type Skipped } from "./import/common";
import { parseCsv } from "./import/csv";
import { parsePaste } from "./import/paste";
import { handOffToLeads } from "./lead-handoff";
import { log } from "./log";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_COMMENTS = 2000;
const INSERT_CHUNK = 500;

export interface ImportResult {
  imported: number;
  duplicates: number;
  skipped: Skipped[];
}

/**
 * Comments the user copied from LinkedIn (pasted text) or exported (CSV), for posts whose comments
 * the API can't read. Parsed in full before anything is stored, then stored in one transaction:
 * an input that can't be read is refused with the reason and stores nothing; single comments
 * that can't be used (no text, a CSV row with too many fields) are skipped and listed with their
 * line while the rest import. Each comment is stored once per post, keyed by a hash of its
 * author's name and text, so importing the same comments again (pasted or as CSV) adds nothing.
 * New comments then go to lead detection, except the post author's own replies.
 */
export async function importComments(
  ctx: Services & OrgCtx,
  input: { postId: string; format: "paste" | "csv"; content: string },
): Promise<ImportResult> {
  const bytes = Buffer.byteLength(input.content, "utf8");
  if (bytes > MAX_IMPORT_BYTES) {
    throw new DomainError(
      "BAD_REQUEST",
      `This is ${(bytes / 1024 / 1024).toFixed(2)} MB; an import can be 1 MB at most. Split it into smaller parts and import them one after the other (repeated comments are skipped).`,
    );
  }
  const post = await findPost(ctx.db, ctx, input.postId);
  if (post.status !== "published") {
    throw new DomainError(
      "BAD_REQUEST",
      "Comments can be imported for published posts only. Publish this post first.",
    );
  }
  if (!input.content.trim()) {
    throw new DomainError(
      "BAD_REQUEST",
      input.format === "csv"
        ? "The CSV is empty. Choose a file with a header row and one comment per row."
        : "Paste the comments copied from the post on LinkedIn first.",
    );
  }
  const now = ctx.clock.now();
  const parsed =
    input.format === "csv" ? parseCsv(input.content, now) : parsePaste(input.content, now);
  if (parsed.comments.length > MAX_IMPORT_COMMENTS) {
    throw new DomainError(
      "BAD_REQUEST",
      `This has ${parsed.comments.length.toLocaleString("en-US")} comments; an import can have ${MAX_IMPORT_COMMENTS.toLocaleString("en-US")} at most. Split it and import the parts one after the other. Nothing was imported.`,
    );
  }

  // Repeats within this input count as duplicates too.
  const unique = new Map<string, ParsedComment>();
  for (const c of parsed.comments) {
    const key = importExternalId(post.id, c.authorName, c.text);
    if (!unique.has(key)) unique.set(key, c);
  }
  const rows = [...unique].map(([externalId, c]) => ({
    organizationId: ctx.org.id,
    postId: post.id,
    source: input.format,
    externalId,
    authorName: c.authorName,
    authorHeadline: c.authorHeadline,
    authorCompany: c.authorCompany,
    authorProfileUrl: c.authorProfileUrl,
    text: c.text,
    commentedAt: c.commentedAt,
    createdAt: now,
    // The post author's own replies are kept for the thread, but they are no leads.
    processedAt: c.byPostAuthor ? now : null,
  }));

  const inserted = await ctx.db.transaction(async (tx) => {
    const ids: { id: string; processedAt: Date | null }[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      ids.push(
        ...(await tx
          .insert(postComments)
          .values(rows.slice(i, i + INSERT_CHUNK))
          .onConflictDoNothing({ target: [postComments.organizationId, postComments.externalId] })
          .returning({ id: postComments.id, processedAt: postComments.processedAt })),
      );
    }
    return ids;
  });

  await handOffToLeads(
    ctx,
    ctx.org.id,
    inserted.filter((r) => r.processedAt === null).map((r) => r.id),
  );
  const result = {
    imported: inserted.length,
    duplicates: parsed.comments.length - inserted.length,
    skipped: parsed.skipped,
  };
  log("info", "comments imported", {
    organizationId: ctx.org.id,
    postId: post.id,
    format: input.format,
    imported: result.imported,
    duplicates: result.duplicates,
    skipped: result.skipped.length,
  });
  return result;
}
