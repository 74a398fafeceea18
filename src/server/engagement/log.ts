/** One JSON line per event, like the job handler's, so logs can be searched by field. */
export function log(
  level: "error" | "warn" | "info",
  msg: string,
  fields: Record<string, unknown> = {},
): void {
  console[level](JSON.stringify({ level, msg, domain: "engagement", ...fields }));
}
