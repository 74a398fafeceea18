import { formatDateTime } from "@/components/format";
import { cn } from "@/lib/utils";
import { describeSeries, type SeriesPoint, sparklineShape } from "./sparkline-geometry";

const WIDTH = 120;
const HEIGHT = 32;

/**
 * A small line chart of one metric over time, as plain SVG (no chart library is installed). Its
 * accessible name states the first and last readings, so the trend isn't only visual.
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
  const shape = sparklineShape(points, WIDTH, HEIGHT);
  return (
    <svg
      role="img"
      aria-label={description}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      className={cn("h-8 w-full overflow-visible text-primary", className)}
    >
      <title>{description}</title>
      {points.length > 1 ? (
        <>
          <path d={shape.area} fill="currentColor" opacity={0.12} />
          <path
            d={shape.line}
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            strokeLinejoin="round"
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        </>
      ) : (
        <line
          x1={0}
          x2={WIDTH}
          y1={HEIGHT - 2}
          y2={HEIGHT - 2}
          stroke="currentColor"
          strokeOpacity={0.25}
          strokeDasharray="3 3"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
