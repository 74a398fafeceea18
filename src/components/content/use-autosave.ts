"use client";

import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/trpc-error";
import type { AppRouter } from "@/server/api/root";
import { LINKEDIN_MAX_CHARS } from "@/server/content/format";
import type { PostStatus } from "@/server/content/workflow";
import { api } from "@/trpc/react";
import { formatCount } from "./engagement";
import { clearLocalDraft, type LocalDraft, readLocalDraft, writeLocalDraft } from "./local-draft";

const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  /** The text can't be saved as it is (empty, too long); nothing was sent. */
  | { kind: "invalid"; message: string }
  | { kind: "failed"; message: string }
  /** Someone else saved first: autosave stops until the user picks a side. */
  | { kind: "conflict"; message: string };

/** Why the server would refuse this text, said the way the server says it. */
function unsaveable(content: string): string | null {
  if (!content.trim()) return "A post can't be empty.";
  if (content.length > LINKEDIN_MAX_CHARS) {
    return `Cut ${formatCount(content.length - LINKEDIN_MAX_CHARS)} characters to save.`;
  }
  return null;
}

function failure(error: unknown): SaveState {
  if (!(error instanceof TRPCClientError)) {
    return { kind: "failed", message: "Something went wrong while saving. Try again." };
  }
  const trpcError = error as TRPCClientError<AppRouter>;
  return trpcError.data?.code === "CONFLICT"
    ? { kind: "conflict", message: trpcError.message }
    : { kind: "failed", message: errorMessage(trpcError) };
}

/**
 * The editor's text and its autosave: saves 1.5 s after typing stops with the version it was
 * based on, serializes saves, keeps an unsaved copy in localStorage until the server has the
 * text, and adopts newer server text when there are no local edits.
 */
export function useAutosave({
  postId,
  serverContent,
  serverVersion,
  editable,
  onSaved,
}: {
  postId: string;
  serverContent: string;
  serverVersion: number;
  editable: boolean;
  /** Called with the server's answer to each save (its status may have changed). */
  onSaved?: (row: { status: PostStatus }) => void;
}) {
  const utils = api.useUtils();
  const [text, setTextState] = useState(serverContent);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const [localDraft, setLocalDraft] = useState<LocalDraft | null>(null);
  // Refs, not state: saves read the latest values long after the render that started them.
  const textRef = useRef(serverContent);
  const saved = useRef({ content: serverContent, version: serverVersion });
  const savedAt = useRef<Date | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);
  const autosaveOn = editable && state.kind !== "conflict";
  const canAutosave = useRef(autosaveOn);
  useEffect(() => {
    canAutosave.current = autosaveOn;
  }, [autosaveOn]);

  const show = useCallback((content: string) => {
    textRef.current = content;
    setTextState(content);
  }, []);

  const accept = useCallback(
    (row: { content: string; version: number }) => {
      saved.current = { content: row.content, version: row.version };
      savedAt.current = new Date();
      utils.post.get.setData({ postId }, (old) => old && { ...old, ...row });
      void utils.post.list.invalidate();
      if (textRef.current === row.content) {
        clearLocalDraft(postId);
        setState({ kind: "saved", at: savedAt.current });
      } else {
        setState({ kind: "dirty" });
      }
    },
    [postId, utils],
  );

  /** Saves the current text if it changed; resolves to whether the server now has it. */
  const save = useCallback(async (): Promise<boolean> => {
    // One save at a time: each needs the version the previous one produced.
    while (inFlight.current) await inFlight.current;
    const content = textRef.current;
    if (content === saved.current.content) {
      clearLocalDraft(postId);
      setState({ kind: "saved", at: savedAt.current });
      return true;
    }
    const problem = unsaveable(content);
    if (problem) {
      setState({ kind: "invalid", message: problem });
      return false;
    }
    setState({ kind: "saving" });
    const run = utils.client.post.update
      .mutate({ postId, content, expectedVersion: saved.current.version, autosave: true })
      .then(
        (row) => {
          // Before accept: it updates the cached post, and the callback compares with the old one.
          onSavedRef.current?.(row);
          accept(row);
          return true;
        },
        async (error: unknown) => {
          const result = failure(error);
          // A save whose answer never arrived (offline, reload) already put this very text
          // there: that's not a conflict.
          if (result.kind === "conflict") {
            const latest = await utils.post.get
              .fetch({ postId }, { staleTime: 0 })
              .catch(() => null);
            if (latest?.content === content) {
              accept(latest);
              return true;
            }
          }
          setState(result);
          return false;
        },
      )
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    return run;
  }, [postId, utils, accept]);

  /**
   * Saves until the server has exactly the text on screen (typing during a save starts another)
   * and resolves to that version, or null if it can't be saved. Review steps send this version,
   * so they can never act on text other than what the user sees.
   */
  const flush = useCallback(async (): Promise<number | null> => {
    for (let round = 0; round < 3; round++) {
      if (!(await save())) return null;
      if (textRef.current === saved.current.content) return saved.current.version;
    }
    return null;
  }, [save]);

  const setText = useCallback(
    (content: string) => {
      show(content);
      if (content === saved.current.content) {
        clearLocalDraft(postId);
      } else {
        writeLocalDraft(postId, content);
      }
      const problem = unsaveable(content);
      setState((current) => {
        if (current.kind === "conflict" || current.kind === "saving") return current;
        if (content === saved.current.content) return { kind: "saved", at: savedAt.current };
        return problem ? { kind: "invalid", message: problem } : { kind: "dirty" };
      });
    },
    [postId, show],
  );

  // Debounced autosave: each keystroke restarts the timer.
  useEffect(() => {
    if (!autosaveOn || text === saved.current.content) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [autosaveOn, text, save]);

  // A copy left by an earlier visit (closed tab, failed save) is offered, never applied silently.
  const initialContent = useRef(serverContent);
  useEffect(() => {
    const local = readLocalDraft(postId);
    if (!local) return;
    if (local.content === initialContent.current) clearLocalDraft(postId);
    else setLocalDraft(local);
  }, [postId]);

  // Newer text from the server (another tab, a restore) replaces ours only if ours is unchanged.
  useEffect(() => {
    if (
      serverVersion > saved.current.version &&
      textRef.current === saved.current.content &&
      !inFlight.current
    ) {
      saved.current = { content: serverContent, version: serverVersion };
      show(serverContent);
    }
  }, [serverContent, serverVersion, show]);

  // Leaving the page: save what's pending, and let the browser warn while a change is unsaved.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (canAutosave.current && textRef.current !== saved.current.content) event.preventDefault();
    };
    const retry = () => {
      if (canAutosave.current) void save();
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("online", retry);
      if (canAutosave.current && textRef.current !== saved.current.content) void save();
    };
  }, [save]);

  /** After a conflict: take the server's text; ours stays on this device, offered for restore. */
  const reloadLatest = useCallback(async () => {
    const mine = textRef.current;
    const fresh = await utils.post.get.fetch({ postId }, { staleTime: 0 });
    saved.current = { content: fresh.content, version: fresh.version };
    savedAt.current = null;
    show(fresh.content);
    setState({ kind: "saved", at: null });
    if (mine !== fresh.content) {
      writeLocalDraft(postId, mine);
      setLocalDraft({ content: mine, keptAt: new Date().toISOString() });
    }
  }, [postId, utils, show]);

  /** Saves pending text first, so the text being replaced stays in the history. */
  const restoreVersion = useCallback(
    async (version: number): Promise<{ ok: true } | { ok: false; message: string }> => {
      if (!(await save())) {
        return {
          ok: false,
          message:
            "Your latest changes aren't saved yet. Fix the save problem first, then restore.",
        };
      }
      try {
        const row = await utils.client.post.restoreVersion.mutate({
          postId,
          version,
          expectedVersion: saved.current.version,
        });
        show(row.content);
        accept(row);
        void utils.post.get.invalidate({ postId });
        return { ok: true };
      } catch (error) {
        const result = failure(error);
        if (result.kind === "conflict") setState(result);
        return { ok: false, message: "message" in result ? result.message : "" };
      }
    },
    [postId, utils, save, show, accept],
  );

  return {
    text,
    setText,
    state,
    save,
    flush,
    reloadLatest,
    restoreVersion,
    localDraft,
    restoreLocalDraft: () => {
      if (localDraft) setText(localDraft.content);
      setLocalDraft(null);
    },
    discardLocalDraft: () => {
      clearLocalDraft(postId);
      setLocalDraft(null);
    },
  };
}
