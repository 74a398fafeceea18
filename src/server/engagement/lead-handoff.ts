import { processNewComments } from "@/server/leads/pipeline";
import type { Services } from "@/server/services";
import { log } from "./log";

/**
 * Hands newly stored comments to lead detection. A failure there must not undo the comments
 * (they are stored, with processedAt still null, for lead detection to pick up again), so it is
 * logged, not thrown.
 */
export async function handOffToLeads(
  services: Services,
  organizationId: string,
  commentIds: string[],
): Promise<void> {
  if (commentIds.length === 0) return;
  try {
    await processNewComments(services, { organizationId, commentIds });
  } catch (error) {
    log("error", "lead detection failed for new comments; they stay unprocessed", {
      organizationId,
      comments: commentIds.length,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
