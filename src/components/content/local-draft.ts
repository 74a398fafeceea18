/**
 * An unsaved copy of a post's text in this browser, so a failed save, a closed tab or a
 * conflict never loses what was typed. Storage can be unavailable (private mode, quota): then
 * the copy is simply skipped.
 */
export interface LocalDraft {
  content: string;
  /** ISO time of the last keystroke kept. */
  keptAt: string;
}

const key = (postId: string) => `techlead:post-draft:${postId}`;

export function readLocalDraft(postId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(postId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (
      parsed &&
      typeof parsed === "object" &&
      "content" in parsed &&
      typeof parsed.content === "string" &&
      "keptAt" in parsed &&
      typeof parsed.keptAt === "string"
    ) {
      return { content: parsed.content, keptAt: parsed.keptAt };
    }
    return null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(postId: string, content: string): void {
  try {
    const draft: LocalDraft = { content, keptAt: new Date().toISOString() };
    window.localStorage.setItem(key(postId), JSON.stringify(draft));
  } catch {
    // Best effort: the server save is the real one.
  }
}

export function clearLocalDraft(postId: string): void {
  try {
    window.localStorage.removeItem(key(postId));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
