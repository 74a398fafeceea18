import { describe, expect, it } from "vitest";
import { describeSeries } from "./series";
import { canSyncNow, type SyncStatusView, syncLine } from "./sync-line";

const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 6, 30 + m));

describe("series description", () => {
  it("describes the series for screen readers", () => {
    const fmt = (d: Date) => d.toISOString().slice(11, 16);
    expect(describeSeries("Impressions", [], fmt)).toBe("Impressions: no data yet");
    expect(
      describeSeries(
        "Impressions",
        [
          { at: at(0), value: 12 },
          { at: at(10), value: 1523 },
        ],
        fmt,
      ),
    ).toBe("Impressions: from 12 on 06:30 to 1,523 on 06:40, 2 readings");
  });
});

describe("sync status line", () => {
  const base: SyncStatusView = {
    state: "scheduled",
    nextSyncAt: null,
    lastSyncedAt: null,
    lastError: null,
    missingScopes: [],
    importHint: null,
    windowEndsAt: null,
  };
  const now = new Date("2026-03-02T10:00:00Z");

  it("says when it last synced and when it syncs next", () => {
    expect(
      syncLine(
        {
          ...base,
          lastSyncedAt: new Date("2026-03-02T09:55:00Z"),
          nextSyncAt: new Date("2026-03-02T10:05:00Z"),
        },
        "UTC",
        now,
      ),
    ).toBe("Last synced 5 minutes ago. Next sync in 5 minutes.");
  });

  it("explains a deferral with LinkedIn's reason and the time", () => {
    expect(
      syncLine(
        {
          ...base,
          state: "deferred",
          lastError: "LinkedIn's daily limit for your account has been reached.",
          nextSyncAt: new Date("2026-03-03T00:05:00Z"),
        },
        "UTC",
        now,
      ),
    ).toBe(
      "LinkedIn's daily limit for your account has been reached. Next sync Mar 3, 2026, 12:05 AM.",
    );
  });

  it("offers Sync now only where it can do something", () => {
    expect(canSyncNow(base)).toBe(true);
    expect(canSyncNow({ ...base, state: "manual_only" })).toBe(false);
    expect(canSyncNow({ ...base, state: "syncing" })).toBe(false);
    expect(syncLine({ ...base, state: "manual_only" }, "UTC", now)).toMatch(/Import comments/);
  });
});
