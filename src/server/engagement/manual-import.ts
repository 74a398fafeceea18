import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { findPost } from "@/server/content/post-state";
import type { OrgCtx, TenantCtx } from "@/server/context";
import { postComments } from "@/server/db/schema";
import { DomainError } from "@/server/errors";
import { processNewComments } from "@/server/leads/pipeline";
import type { Services } from "@/server/services";
import { importExternalId, type ParsedComment, type Skipped } from "./import/common";
import { parseCsv } from "./import/csv";
import { parsePaste } from "./import/paste";
import { handOffToLeads } from "./lead-handoff";
import { log } from "./log";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_COMMENTS = 2000;
const INSERT_CHUNK = 500;
/**
 * Up to this many new comments are checked for leads within the import request. Storing is fast
 * (batched inserts, about a second for 2,000 rows); lead detection is what took the 34 s (about
 * 17 ms per comment on Neon, several queries each), so 200 keep the request to a few seconds and
 * show the leads at once, while larger imports are checked by the `import-leads` job.
 */
export const SYNC_LEAD_CHECK_MAX = 200;
/** Comments one `import-leads` run checks (about 10 s on Neon) before handing on to the next. */
export const LEAD_CHECK_CHUNK = 500;
const IMPORT_LEADS_PATH = "/api/jobs/import-leads";

export interface ImportResult {
  imported: number;
  duplicates: number;
  skipped: Skipped[];
  /** "queued": the new comments are being checked for leads in the background (importProgress). */
  leadCheck: "done" | "queued";
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

  const toCheck = inserted.filter((r) => r.processedAt === null).map((r) => r.id);
  const leadCheck = toCheck.length <= SYNC_LEAD_CHECK_MAX ? "done" : "queued";
  if (leadCheck === "done") await handOffToLeads(ctx, ctx.org.id, toCheck);
  else await queueLeadCheck(ctx, post.id);
  const result: ImportResult = {
    imported: inserted.length,
    duplicates: parsed.comments.length - inserted.length,
    skipped: parsed.skipped,
    leadCheck,
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

/**
 * Sends the `import-leads` job for a post's unchecked imported comments. They are stored already,
 * so a message that can't be sent loses nothing: the leads catch-up job finds them.
 */
async function queueLeadCheck(ctx: Services & TenantCtx, postId: string) {
  try {
    await ctx.qstash.publish({
      path: IMPORT_LEADS_PATH,
      body: { organizationId: ctx.org.id, postId },
      dedupId: `import-leads-${postId}-${ctx.clock.now().getTime()}`,
    });
  } catch (error) {
    log("error", "import-leads job not sent; the leads catch-up will check the comments", {
      organizationId: ctx.org.id,
      postId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Imported comments of the post whose lead check hasn't run yet. */
function unchecked(ctx: TenantCtx, postId: string) {
  return and(
    eq(postComments.organizationId, ctx.org.id),
    eq(postComments.postId, postId),
    inArray(postComments.source, ["paste", "csv"]),
    isNull(postComments.processedAt),
  );
}

/**
 * The `import-leads` job: checks the next LEAD_CHECK_CHUNK of a post's unchecked imported comments
 * for leads and, while some remain, sends itself again, so no run nears the function time limit.
 * Idempotent: lead detection claims each comment once, so a redelivery or retry only continues.
 * A failure throws, and QStash retries.
 */
export async function checkImportedComments(
  ctx: Services & TenantCtx,
  input: { postId: string },
): Promise<{ checked: number; remaining: number }> {
  const batch = await ctx.db
    .select({ id: postComments.id })
    .from(postComments)
    .where(unchecked(ctx, input.postId))
    .orderBy(postComments.createdAt, postComments.id)
    .limit(LEAD_CHECK_CHUNK);
  const { processed } = await processNewComments(ctx, {
    organizationId: ctx.org.id,
    commentIds: batch.map((c) => c.id),
  });
  const { remaining } = await importProgress(ctx, input);
  if (remaining > 0 && batch.length > 0) await queueLeadCheck(ctx, input.postId);
  return { checked: processed, remaining };
}

/** For the import dialog: how many imported comments of the post are still to be checked. */
export async function importProgress(
  ctx: TenantCtx,
  input: { postId: string },
): Promise<{ remaining: number }> {
  const [row] = await ctx.db
    .select({ remaining: count() })
    .from(postComments)
    .where(unchecked(ctx, input.postId));
  return { remaining: row?.remaining ?? 0 };
}
