"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { zoneLabel, zoneOffset } from "@/components/settings/time-zone-select";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

interface ZoneOption {
  zone: string;
  label: string;
  offset: string;
  /** Lower-case words to match a query against: "europe berlin gmt+1". */
  words: string;
}

function optionFor(zone: string): ZoneOption {
  const label = zoneLabel(zone);
  const offset = zoneOffset(zone);
  return { zone, label, offset, words: `${label} ${offset}`.toLowerCase().replaceAll("/", " ") };
}

let allZones: ZoneOption[] | undefined;

/** Every zone the browser knows, plus UTC (which it doesn't list). Built on first use: ~400 offsets. */
function zoneOptions(): ZoneOption[] {
  allZones ??= ["UTC", ...Intl.supportedValuesOf("timeZone")]
    .filter((zone, i, zones) => zones.indexOf(zone) === i)
    .sort()
    .map(optionFor);
  return allZones;
}

const city = (zone: string) => zone.slice(zone.lastIndexOf("/") + 1).toLowerCase();

/**
 * Zones whose name or offset contains every word of the query ("new york", "gmt+1", "berlin");
 * zones whose city starts with the query come first, so "par" finds Paris before Paramaribo.
 */
function matching(options: ZoneOption[], query: string): ZoneOption[] {
  const words = query.toLowerCase().replaceAll("/", " ").replaceAll("_", " ").split(/\s+/);
  const terms = words.filter(Boolean);
  if (terms.length === 0) return options;
  const hits = options.filter((o) => terms.every((t) => o.words.includes(t)));
  const prefix = terms.join(" ");
  return [
    ...hits.filter((o) => city(o.label).startsWith(prefix)),
    ...hits.filter((o) => !city(o.label).startsWith(prefix)),
  ];
}

/**
 * A searchable list of every IANA time zone (the ARIA combobox pattern): type a city, region or
 * offset, move with the arrow keys, Enter picks, Escape gives up. The field shows the chosen zone
 * whenever no search is in progress, so it can never hold a zone that isn't in the list.
 */
export function TimeZoneCombobox({
  id,
  value,
  onValueChange,
  disabled,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  onValueChange: (zone: string) => void;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const options = useMemo(() => {
    if (!open) return [];
    const all = zoneOptions();
    // A zone the browser reports but doesn't list (e.g. "Asia/Calcutta") stays choosable.
    const withValue = all.some((o) => o.zone === value) ? all : [optionFor(value), ...all];
    return matching(withValue, query);
  }, [open, query, value]);
  const activeOption = options[active];
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (open) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, listId]);

  function show() {
    if (open) return;
    setOpen(true);
    // Start on the chosen zone, so the list opens where the user already is.
    const all = zoneOptions();
    setActive(
      Math.max(
        0,
        all.findIndex((o) => o.zone === value),
      ),
    );
  }

  function close() {
    setOpen(false);
    setQuery("");
  }

  function choose(option: ZoneOption | undefined) {
    if (option) onValueChange(option.zone);
    close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) show();
        else setActive((i) => Math.min(i + 1, options.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) show();
        else setActive((i) => Math.max(i - 1, 0));
        break;
      case "PageDown":
      case "PageUp":
        if (!open) break;
        event.preventDefault();
        setActive((i) =>
          event.key === "PageDown" ? Math.min(i + 10, options.length - 1) : Math.max(i - 10, 0),
        );
        break;
      case "Enter":
        // Enter picks while the list is open; with it closed, it submits the form as usual.
        if (!open) break;
        event.preventDefault();
        choose(activeOption);
        break;
      case "Escape":
        if (!open) break;
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
    }
  }

  return (
    <div className="relative w-full sm:max-w-md">
      <Input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeOption ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        className="pr-9"
        value={open ? query : zoneLabel(value)}
        placeholder={open ? `Search: ${zoneLabel(value)}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={show}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <ChevronsUpDown
        className="pointer-events-none absolute top-2.5 right-3 size-4 text-muted-foreground"
        aria-hidden="true"
      />
      <p className="sr-only" aria-live="polite">
        {open ? `${options.length} time zone${options.length === 1 ? "" : "s"}` : ""}
      </p>
      {open && (
        <div className="absolute z-50 mt-1 w-full overflow-hidden rounded-md border bg-popover text-popover-foreground shadow-md">
          <div
            id={listId}
            role="listbox"
            aria-label="Time zones"
            className="max-h-72 overflow-y-auto p-1"
            // Keeps focus in the field while a zone is clicked, so the click isn't lost to blur.
            onMouseDown={(event) => event.preventDefault()}
          >
            {options.map((option, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the field handles the keys (aria-activedescendant), as the combobox pattern has it.
              <div
                key={option.zone}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={option.zone === value}
                className={cn(
                  "flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
                  index === active && "bg-accent text-accent-foreground",
                )}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(option)}
              >
                <Check
                  className={cn("size-4 shrink-0", option.zone !== value && "invisible")}
                  aria-hidden="true"
                />
                <span className="min-w-0 flex-1 truncate">{option.label}</span>
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                  {option.offset}
                </span>
              </div>
            ))}
          </div>
          {options.length === 0 && (
            <p className="px-3 py-2 text-sm text-muted-foreground">
              No time zone matches “{query}”. Try a city, such as Berlin, or an offset like GMT+1.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
