"use client";

import { useMemo } from "react";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";

/** "Europe/Oslo" → "Europe/Oslo"; "America/New_York" → "America/New York". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll("_", " ");
}

/** The zone's current UTC offset, e.g. "GMT+1". */
export function zoneOffset(zone: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? "";
}

/** Zones grouped by region; `include` adds zones the runtime doesn't list (e.g. "UTC"). */
function groupedZones(include: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const zone of new Set([...include, ...Intl.supportedValuesOf("timeZone")])) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Universal";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()]
    .map(([region, zones]): [string, string[]] => [region, zones.sort()])
    .sort(([a], [b]) => (a === "Universal" ? -1 : b === "Universal" ? 1 : a.localeCompare(b)));
}

export function TimeZoneSelect({
  id,
  value,
  onValueChange,
  disabled,
  describedBy,
}: {
  id: string;
  value: string;
  onValueChange: (zone: string) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const groups = useMemo(() => groupedZones(["UTC", value]), [value]);
  return (
    <Select value={value} onValueChange={onValueChange} disabled={disabled}>
      <SelectTrigger id={id} className="w-full sm:max-w-md" aria-describedby={describedBy}>
        <SelectValue>{zoneLabel(value)}</SelectValue>
      </SelectTrigger>
      <SelectContent className="max-h-80">
        {groups.map(([region, zones]) => (
          <SelectGroup key={region}>
            <SelectLabel>{region}</SelectLabel>
            {zones.map((zone) => (
              <SelectItem key={zone} value={zone}>
                {/* City first, so typing a city name jumps to it. */}
                {zone.includes("/") ? zoneLabel(zone.slice(zone.indexOf("/") + 1)) : zone}
              </SelectItem>
            ))}
          </SelectGroup>
        ))}
      </SelectContent>
    </Select>
  );
}
