import { DomainError } from "@/server/errors";

export type PostStatus =
  | "draft"
  | "in_review"
  | "approved"
  | "scheduled"
  | "publishing"
  | "published"
  | "failed";

/**
 * The approval workflow. Scheduling and publishing states are driven by later modules through the
 * same table, so every status change in the product goes through `assertTransition`.
 */
const TRANSITIONS: Record<PostStatus, readonly PostStatus[]> = {
  draft: ["in_review"],
  in_review: ["approved", "draft"],
  approved: ["draft", "scheduled", "publishing"],
  scheduled: ["approved", "publishing"],
  publishing: ["published", "failed"],
  published: [],
  // failed → published: a person checked LinkedIn and found a post we couldn't confirm.
  failed: ["draft", "approved", "publishing", "published"],
};

const LABEL: Record<PostStatus, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  scheduled: "scheduled",
  publishing: "being published",
  published: "published",
  failed: "failed",
};

export function canTransition(from: PostStatus, to: PostStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: PostStatus, to: PostStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(
      "BAD_REQUEST",
      `This post is ${LABEL[from]}, so it can't become ${LABEL[to]}. Reload to see its current state.`,
    );
  }
}

/** Statuses in which the text can still change (editing an approved post sends it back to draft). */
export const EDITABLE: readonly PostStatus[] = ["draft", "in_review", "approved", "failed"];
