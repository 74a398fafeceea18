/** One reading of a metric in a post's time series. */
export interface SeriesPoint {
  at: Date;
  value: number;
}

/** "Impressions: 0 on Mar 2 to 523 on Mar 5" for screen readers. */
export function describeSeries(
  label: string,
  points: SeriesPoint[],
  formatDate: (d: Date) => string,
): string {
  if (points.length === 0) return `${label}: no data yet`;
  const first = points[0]!;
  const last = points.at(-1)!;
  if (points.length === 1)
    return `${label}: ${last.value.toLocaleString("en-US")} on ${formatDate(last.at)}`;
  return `${label}: from ${first.value.toLocaleString("en-US")} on ${formatDate(first.at)} to ${last.value.toLocaleString("en-US")} on ${formatDate(last.at)}, ${points.length} readings`;
}
