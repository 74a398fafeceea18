/** All languages merged into the two tries the engine reads with: comment/post text and headlines. */

import { buildTrie } from "../phrases";
import type { LeadIntent } from "../types";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { nl } from "./nl";
import type { CompanyStage, Lexicon, RoleKind, TextSignal } from "./types";

export const LEXICONS: Readonly<Record<string, Lexicon>> = { en, de, fr, es, nl };

export type TextTag =
  | { kind: "signal"; signal: TextSignal }
  | { kind: "intent"; intent: LeadIntent }
  | { kind: "stage"; stage: CompanyStage };

// One object per tag, so the trie can de-duplicate and callers can compare by identity.
const tags = new Map<string, TextTag>();
function intern(tag: TextTag): TextTag {
  const key = `${tag.kind}:${"signal" in tag ? tag.signal : "intent" in tag ? tag.intent : tag.stage}`;
  let known = tags.get(key);
  if (!known) {
    known = tag;
    tags.set(key, known);
  }
  return known;
}

/** The tag of a signal, for hits derived after the scan rather than found by the trie. */
export function signalTag(signal: TextSignal): TextTag {
  return intern({ kind: "signal", signal });
}

function* entries<K extends string>(
  lists: Partial<Record<K, readonly string[]>>,
): Generator<[K, string]> {
  for (const [key, patterns] of Object.entries(lists) as [K, readonly string[]][]) {
    for (const pattern of patterns) yield [key, pattern];
  }
}

function* textEntries(): Generator<[string, TextTag]> {
  for (const lexicon of Object.values(LEXICONS)) {
    for (const [signal, p] of entries(lexicon.signals))
      yield [p, intern({ kind: "signal", signal })];
    for (const [intent, p] of entries(lexicon.intents))
      yield [p, intern({ kind: "intent", intent })];
    for (const [stage, p] of entries(lexicon.stages)) yield [p, intern({ kind: "stage", stage })];
  }
}

function* roleEntries(): Generator<[string, RoleKind]> {
  for (const lexicon of Object.values(LEXICONS)) {
    for (const [role, p] of entries(lexicon.roles)) yield [p, role];
  }
}

export const TEXT_TRIE = buildTrie(textEntries());
export const ROLE_TRIE = buildTrie(roleEntries());
