import { cn } from "@/lib/utils";
import { LINKEDIN_MAX_CHARS } from "@/server/content/format";
import { formatCount } from "./engagement";

/** "1,234 / 3,000"; over the limit it turns red and says how much to cut. */
export function CharacterCounter({ id, length }: { id: string; length: number }) {
  const over = length - LINKEDIN_MAX_CHARS;
  return (
    <p
      id={id}
      className={cn(
        "text-sm tabular-nums",
        over > 0 ? "text-destructive" : "text-muted-foreground",
      )}
    >
      <span className={cn("whitespace-nowrap", over > 0 && "font-semibold")}>
        {formatCount(length)} / {formatCount(LINKEDIN_MAX_CHARS)}
      </span>
      {over > 0 && (
        // Announced once when the limit is crossed, not on every keystroke under it.
        <span role="alert">
          {" "}
          · Cut {formatCount(over)} {over === 1 ? "character" : "characters"} to fit LinkedIn&apos;s
          limit.
        </span>
      )}
    </p>
  );
}
