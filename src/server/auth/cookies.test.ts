import { describe, expect, it } from "vitest";
import { readCookie } from "./cookies";

const cookies = (header: string) => new Headers({ cookie: header });

describe("readCookie", () => {
  it("reads and decodes the named cookie", () => {
    expect(readCookie(cookies("a=1; tla_session=abc.def; b=2"), "tla_session")).toBe("abc.def");
    expect(readCookie(cookies("x=%7Bq%7D"), "x")).toBe("{q}");
    expect(readCookie(cookies("a=1"), "tla_session")).toBeNull();
    expect(readCookie(new Headers(), "tla_session")).toBeNull();
  });

  it("skips a value that doesn't decode instead of throwing (issue #10)", () => {
    expect(readCookie(cookies("tla_session=%"), "tla_session")).toBeNull();
    expect(readCookie(cookies("tla_session=%E0%A4%A"), "tla_session")).toBeNull();
    expect(readCookie(cookies("tla_session=%zz; tla_session=abc.def"), "tla_session")).toBe(
      "abc.def",
    );
  });
});
