"use client";

import { Search } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";

const ALL = "all";
const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box that applies what is typed after a pause, or at once on Enter. `apply` gets the
 * trimmed text, or undefined for none.
 */
export function useFilterSearch(initial: string, apply: (q: string | undefined) => void) {
  const [search, setSearch] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function searchNow(value: string) {
    clearTimeout(timer.current);
    apply(value.trim() || undefined);
  }

  return {
    search,
    /** For the form's onSubmit: searches now. */
    submit(event: FormEvent) {
      event.preventDefault();
      searchNow(search);
    },
    change(value: string) {
      setSearch(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => searchNow(value), SEARCH_DEBOUNCE_MS);
    },
    /** Empties the box and drops a search still waiting; the caller clears its own filters. */
    clear() {
      clearTimeout(timer.current);
      setSearch("");
    },
  };
}

/** The labelled search input of a filtered list, with its icon. */
export function SearchField({
  id,
  label,
  placeholder,
  value,
  onChange,
  className = "space-y-1.5",
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden="true"
        />
        <Input
          id={id}
          type="search"
          value={value}
          placeholder={placeholder}
          maxLength={200}
          className="pl-8"
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </div>
  );
}

/** A labelled select of a filtered list: "any" (undefined) or one of the values. */
export function FilterSelect<T extends string>({
  id,
  label,
  anyLabel,
  value,
  values,
  labelOf,
  onChange,
}: {
  id: string;
  label: string;
  /** The text for no filter, such as "Any status". */
  anyLabel: string;
  value: T | undefined;
  values: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select
        value={value ?? ALL}
        onValueChange={(next) => onChange(next === ALL ? undefined : (next as T))}
      >
        <SelectTrigger id={id} className="w-full">
          {/* Explicit text: Radix only fills the value in after the list first opens. */}
          <SelectValue>{value ? labelOf(value) : anyLabel}</SelectValue>
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{anyLabel}</SelectItem>
          {values.map((option) => (
            <SelectItem key={option} value={option}>
              {labelOf(option)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
