"use client";

import { X } from "lucide-react";
import { type ClipboardEvent, type KeyboardEvent, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A list of short values as chips. Enter or a comma adds what was typed, Backspace in the empty
 * field removes the last chip, a pasted "a, b, c" adds three, and leaving the field keeps what
 * was typed, so nothing is lost to a missed Enter.
 */
export function TagInput({
  id,
  values,
  onChange,
  placeholder,
  max,
  normalize = (value) => value,
  describedBy,
  invalid,
  disabled,
}: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  max: number;
  normalize?: (value: string) => string;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState("");
  const full = values.length >= max;

  function add(raw: string) {
    const seen = new Set(values.map((v) => v.toLowerCase()));
    const added = raw
      .split(",")
      .map((part) => normalize(part.trim()))
      .filter((part) => {
        if (!part || seen.has(part.toLowerCase())) return false;
        seen.add(part.toLowerCase());
        return true;
      });
    if (added.length > 0) onChange([...values, ...added].slice(0, max));
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      // Enter would submit the form; here it means "add this".
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && values.length > 0) {
      event.preventDefault();
      onChange(values.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text");
    if (!text.includes(",")) return;
    event.preventDefault();
    add(`${draft}${text}`);
  }

  return (
    <div
      aria-invalid={invalid || undefined}
      className={cn(
        "flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-md border border-input bg-transparent px-2 py-1.5 shadow-xs transition-[color,box-shadow] focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50 aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:bg-input/30",
        disabled && "opacity-50",
      )}
    >
      <ul className="contents">
        {values.map((value, index) => (
          <li
            key={value}
            className="inline-flex max-w-full items-center gap-1 rounded-md bg-secondary py-0.5 pr-0.5 pl-2 text-sm text-secondary-foreground"
          >
            <span className="truncate">{value}</span>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onChange(values.filter((_, i) => i !== index))}
              aria-label={`Remove ${value}`}
              className="grid size-5 place-items-center rounded-sm text-muted-foreground outline-none hover:bg-background hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <X className="size-3.5" aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={draft}
        disabled={disabled}
        placeholder={full ? `That's the maximum of ${max}` : placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => draft.trim() && add(draft)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className="h-7 min-w-32 flex-1 bg-transparent px-1 text-base outline-none placeholder:text-muted-foreground disabled:cursor-not-allowed md:text-sm"
      />
    </div>
  );
}
