import { describe, expect, it } from "vitest";
import { tokenize } from "./normalize";
import { buildTrie, expandPattern, findPhrases } from "./phrases";

describe("expandPattern", () => {
  it("expands alternatives, nested groups and optional groups", () => {
    expect(expandPattern("can (we|i) talk")).toEqual(["can we talk", "can i talk"]);
    expect(expandPattern("(a|b (c|d))")).toEqual(["a", "b c", "b d"]);
    expect(expandPattern("send (it )?over")).toEqual(["send it over", "send over"]);
    expect(expandPattern("send (it |)over")).toEqual(["send it over", "send over"]);
  });

  it("rejects malformed patterns", () => {
    expect(() => expandPattern("(a|b")).toThrow(/unclosed/);
    expect(() => expandPattern("a)b")).toThrow(/unbalanced/);
    expect(() => expandPattern("words?")).toThrow(/must follow a group/);
  });
});

describe("findPhrases", () => {
  const trie = buildTrie<string>([
    ["can we (talk|chat)", "ask"],
    ["{n} engineers", "size"],
    ["mind if i {w} you", "ask"],
    ["we're hiring", "hiring"],
  ]);
  const find = (text: string) =>
    findPhrases(trie, tokenize(text)).map((h) => `${h.tag}:${h.start}-${h.end}`);

  it("finds phrases, numbers (digits or words) and wildcards", () => {
    expect(find("Hi, can we chat?")).toEqual(["ask:1-4"]);
    expect(find("We have 35 engineers and forty engineers")).toEqual(["size:2-4", "size:5-7"]);
    expect(find("Mind if I message you")).toEqual(["ask:0-5"]);
    expect(find("We are hiring")).toEqual([]);
    expect(find("we’re hiring")).toEqual(["hiring:0-3"]);
  });

  it("never matches across a sentence end", () => {
    expect(find("Can we. Talk")).toEqual([]);
  });

  it("rejects a phrase that starts with a wildcard", () => {
    expect(() => buildTrie([["{w} talk", "x"]])).toThrow(/cannot start/);
  });
});
