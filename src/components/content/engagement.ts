const count = new Intl.NumberFormat("en");

/** Whole numbers with thousands separators: "1,234". */
export function formatCount(value: number): string {
  return count.format(Math.round(value));
}

/** A predicted total, shown as an estimate: "~42 reactions + comments". */
export function formatEngagement(value: number): string {
  return `~${formatCount(value)} reactions + comments`;
}
