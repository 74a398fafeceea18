"use client";

import { Area, AreaChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatDateTime } from "@/components/format";
import { cn } from "@/lib/utils";
import { describeSeries, type SeriesPoint } from "./series";

/**
 * A small area chart of one metric over time. Time runs on a numeric axis so uneven sync gaps
 * show as such, and values start at 0 (a baseline at the minimum would make +1 look like a surge).
 * Its accessible name states the first and last readings, so the trend isn't only visual.
 */
export function Sparkline({
  label,
  points,
  timeZone,
  className,
}: {
  label: string;
  points: SeriesPoint[];
  timeZone: string;
  className?: string;
}) {
  const description = describeSeries(label, points, (d) => formatDateTime(d, timeZone));
  const data = points.map((p) => ({ t: p.at.getTime(), value: Math.max(0, p.value) }));
  return (
    <div role="img" aria-label={description} className={cn("h-8 w-full text-primary", className)}>
      {data.length > 1 ? (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
            <XAxis hide type="number" dataKey="t" domain={["dataMin", "dataMax"]} />
            <YAxis hide domain={[0, (max: number) => Math.max(1, max)]} />
            <Area
              type="monotone"
              dataKey="value"
              stroke="currentColor"
              strokeWidth={1.5}
              fill="currentColor"
              fillOpacity={0.12}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      ) : (
        // One reading or none: a faint baseline until the next sync adds a point.
        <div className="mt-[calc(2rem-3px)] border-t border-dashed border-current opacity-25" />
      )}
    </div>
  );
}
