import { analyzePost, containsMarkdown, HOOK_MAX_CHARS, LINKEDIN_MAX_CHARS } from "./format";
import { MAX_HASHTAGS, MIN_HASHTAGS } from "./hashtags";
import { normalizeForCompare } from "./text";
import type { Draft, GenerationRequest } from "./types";
import { createAvoidMatcher } from "./words-to-avoid";

/**
 * The rules every draft must meet before a user sees it, whichever engine wrote it. Each
 * violation is a clause ("had 7 hashtags instead of 3–5") so callers can say
 * "The AI draft <clause>, so …".
 */
export function findRuleViolations(
  draft: Draft,
  request: Pick<GenerationRequest, "profile" | "recentHooks" | "recentCtas">,
): string[] {
  const violations: string[] = [];
  const analysis = analyzePost(draft.content);

  if (analysis.overLimit) {
    violations.push(
      `was ${analysis.length.toLocaleString("en")} characters long, over LinkedIn's ${LINKEDIN_MAX_CHARS.toLocaleString("en")} limit`,
    );
  }
  if (
    !draft.hook ||
    draft.hook.length > HOOK_MAX_CHARS ||
    !draft.content.startsWith(draft.hook) ||
    !analysis.hookVisible
  ) {
    violations.push(
      `had a hook that doesn't fit in the first ${HOOK_MAX_CHARS} characters, so LinkedIn would hide part of it behind "see more"`,
    );
  }
  const tags = analysis.hashtags.length;
  if (tags < MIN_HASHTAGS || tags > MAX_HASHTAGS) {
    violations.push(`had ${tags} hashtags instead of ${MIN_HASHTAGS}–${MAX_HASHTAGS}`);
  }
  if (containsMarkdown(draft.content)) {
    violations.push("contained Markdown, which LinkedIn shows as raw symbols");
  }
  const avoided = createAvoidMatcher(request.profile.wordsToAvoid).find(draft.content);
  if (avoided) violations.push(`used "${avoided}", which is on your list of words to avoid`);

  const reuses = (text: string, recent: readonly string[]) => {
    const key = normalizeForCompare(text);
    return key.length > 0 && recent.some((item) => normalizeForCompare(item) === key);
  };
  if (reuses(draft.hook, request.recentHooks)) {
    violations.push("reused the hook of one of your recent posts");
  }
  if (reuses(draft.cta, request.recentCtas)) {
    violations.push("reused the call to action of one of your recent posts");
  }
  return violations;
}
