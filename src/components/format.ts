/**
 * Dates are shown in the user's profile time zone (not the browser's), so server and client
 * render the same text and it matches the zone posts will be scheduled in.
 */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

export function displayName(person: { name: string | null; email: string }): string {
  return person.name?.trim() || person.email;
}

/** Up to two letters for an avatar: from the name's words, else from the email. */
export function initials(person: { name: string | null; email: string }): string {
  const words = person.name?.trim().split(/\s+/).filter(Boolean) ?? [];
  const letters =
    words.length > 0 ? words.map((w) => w[0]).join("") : person.email.replace(/[^a-z0-9]/gi, "");
  return letters.slice(0, 2).toUpperCase() || "?";
}
