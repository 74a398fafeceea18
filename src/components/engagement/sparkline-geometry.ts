/**
 * Geometry of a sparkline: points of a time series scaled into a width × height box, time on x
 * (so uneven sync gaps show as such) and value on y from 0 (counts only grow from zero; a
 * baseline at the minimum would make +1 look like a surge).
 */
export interface SeriesPoint {
  at: Date;
  value: number;
}

export interface SparklineShape {
  /** SVG path for the line; empty with fewer than one point. */
  line: string;
  /** The same, closed to the baseline, for a light fill. */
  area: string;
  last: { x: number; y: number } | null;
}

export function sparklineShape(
  points: SeriesPoint[],
  width: number,
  height: number,
  pad = 2,
): SparklineShape {
  if (points.length === 0) return { line: "", area: "", last: null };
  const t0 = points[0]!.at.getTime();
  const t1 = points.at(-1)!.at.getTime();
  const max = Math.max(1, ...points.map((p) => p.value));
  const span = Math.max(1, t1 - t0);
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const xy = points.map((p) => ({
    // A single point sits at the right edge: "now".
    x: round(points.length === 1 ? width - pad : pad + ((p.at.getTime() - t0) / span) * innerW),
    y: round(pad + innerH - (Math.max(0, p.value) / max) * innerH),
  }));
  const line = xy.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
  const base = round(height - pad);
  const area = `${line} L${xy.at(-1)!.x} ${base} L${xy[0]!.x} ${base} Z`;
  return { line, area, last: xy.at(-1)! };
}

const round = (n: number) => Math.round(n * 10) / 10;

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
