/**
 * Where to send someone after sign-in, from a value anyone can put in a link (`?next=`, a
 * magic link's `redirectTo`, LinkedIn's `returnTo`): a path on the app's own origin, or null.
 * Pure, so the browser and the server apply the same rule.
 *
 * The value is resolved the way a browser resolves a Location header, against the app's origin,
 * and must stay on it. Control characters are refused outright: URL parsers drop tab, CR and LF,
 * so `/\t/evil.example` would become `//evil.example`, another host. Backslashes too, which
 * browsers read as `/`. The normalized path is returned, so what was checked is what is followed.
 */
export function safeRedirectPath(value: string | null | undefined, origin: string): string | null {
  if (!value?.startsWith("/") || /\p{Cc}/u.test(value) || value.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalize to `//host` (`/..//evil.example`), which reads as another host.
  if (url.origin !== new URL(origin).origin || path.startsWith("//")) return null;
  return path;
}
