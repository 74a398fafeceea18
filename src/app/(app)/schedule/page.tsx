import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { ScheduleCalendar } from "@/components/scheduling/calendar";
import { todayIn, visibleRange } from "@/components/scheduling/calendar-dates";
import { FREE_SLOT_COUNT, parseCalendarParams } from "@/components/scheduling/calendar-params";
import { Queue } from "@/components/scheduling/queue";
import { TimeZoneNote } from "@/components/scheduling/time-zone-note";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../session";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireActiveOrganization();
  const settings = await api.scheduling.settings();
  // "Today" is decided once, here, so server and browser render the same week.
  const today = todayIn(settings.timeZone);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (typeof value === "string") params.set(key, value);
  }
  const { view, anchor } = parseCalendarParams(params, today);
  await Promise.all([
    api.scheduling.queue.prefetch(),
    api.scheduling.nextSlots.prefetch({ count: FREE_SLOT_COUNT }),
    api.scheduling.calendar.prefetch(visibleRange(view, anchor, settings.timeZone)),
  ]);

  return (
    <HydrateClient>
      <PageHeader
        title="Schedule"
        description="What's waiting for a slot, what goes out next, and your calendar."
      />
      <TimeZoneNote timeZone={settings.timeZone} saved={settings.saved} />
      <div className="mt-8 space-y-12">
        <Queue timeZone={settings.timeZone} />
        <ScheduleCalendar timeZone={settings.timeZone} today={today} />
      </div>
    </HydrateClient>
  );
}
