import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface JsonPersister {
  /** Schedules a write of the current state; resolves once it has landed. */
  persist(): Promise<void>;
  /** Resolves when every scheduled write has landed (rejects if the last one failed). */
  flush(): Promise<void>;
}

/**
 * Keeps a stand-in's state in a JSON file across restarts. Writes go to a temporary file that is
 * renamed over the old one (never half-written), are coalesced while one is pending, and are
 * chained so an older snapshot never lands after a newer one. Without a file it does nothing.
 */
export function createJsonPersister(
  file: string | undefined,
  snapshot: () => unknown,
): JsonPersister {
  let writing: Promise<void> = Promise.resolve();
  let pending = false;
  return {
    persist() {
      if (!file || pending) return writing;
      pending = true;
      writing = writing
        .catch(() => {})
        .then(async () => {
          pending = false;
          await mkdir(dirname(file), { recursive: true });
          const tmp = `${file}.${process.pid}.tmp`;
          await writeFile(tmp, JSON.stringify(snapshot()));
          await rename(tmp, file);
        });
      return writing;
    },
    flush: () => writing,
  };
}
