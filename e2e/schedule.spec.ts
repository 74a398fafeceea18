import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  connectLinkedIn,
  fillVoiceProfile,
  generateDrafts,
  QSTASH_URL,
  screenshot,
  signUpWithOrg,
  submitAndApprove,
  tagFor,
} from "./support/app";

// A user who never saved posting settings sees times in UTC.
const dayLabel = (at: Date) =>
  new Intl.DateTimeFormat("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(at);
const slotLabel = (at: Date) =>
  new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(at);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function centre(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * A real drag: the mouse on desktop; on the phone a finger's press-and-hold then move, sent as
 * touch events through CDP (Playwright's touchscreen can only tap).
 */
async function drag(page: Page, source: Locator, target: Locator, touch: boolean) {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const from = await centre(source);
  const to = await centre(target);
  const steps = 15;
  const along = (i: number) => ({
    x: from.x + ((to.x - from.x) * i) / steps,
    y: from.y + ((to.y - from.y) * i) / steps,
  });
  if (!touch) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) await page.mouse.move(along(i).x, along(i).y);
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const touchEvent = (type: "touchStart" | "touchMove" | "touchEnd", point?: typeof from) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: point ? [point] : [] });
  await touchEvent("touchStart", from);
  // Longer than the calendar's press-and-hold, which tells a drag from a scroll.
  await page.waitForTimeout(400);
  for (let i = 1; i <= steps; i++) await touchEvent("touchMove", along(i));
  await touchEvent("touchEnd");
  await cdp.detach();
}

test("add to the next free slot, drag to another day, and it publishes on time", async ({
  page,
  request,
}, testInfo) => {
  // Sign-up to publishing: about 40 s on an idle machine; the margin is for a busy one.
  test.setTimeout(120_000);
  const tag = tagFor(testInfo);
  const phone = testInfo.project.name === "phone";
  await signUpWithOrg(page, `schedule-${tag}@example.com`, `Schedule ${tag}`);
  await fillVoiceProfile(page);
  const [post] = await generateDrafts(page, "Friday deploys without fear", ["Technical insight"]);
  await submitAndApprove(page, post!);
  await connectLinkedIn(page, `Sam Okafor ${tag}`);

  // The queue: the approved post waits for a slot.
  await page.goto("/schedule");
  await expect(page.getByText("Times are in UTC until you set your time zone")).toBeVisible();
  const ready = page.getByRole("region", { name: /^Ready to schedule/ });
  const hook = (await ready.getByRole("heading", { level: 3 }).first().textContent())!.trim();
  const chipName = new RegExp(escapeRegExp(hook));
  await screenshot(page, testInfo, "30-schedule-queue");

  await ready.getByRole("button", { name: "Add to next free slot" }).click();
  await expect(page.getByText(/^Scheduled for /)).toBeVisible();
  const upNext = page.getByRole("region", { name: /^Up next/ });
  const slotTime = upNext.getByRole("listitem").filter({ hasText: hook }).locator("time");
  const slotAt = new Date((await slotTime.getAttribute("datetime"))!);
  await expect(slotTime).toHaveText(slotLabel(slotAt));

  // The week of the slot.
  await page.goto(`/schedule?date=${slotAt.toISOString().slice(0, 10)}`);
  const calendar = page.getByRole("region", { name: "Calendar" });
  const dayCell = (at: Date) =>
    calendar.getByRole("listitem", { name: new RegExp(`^${dayLabel(at)}`) });
  const chip = calendar.getByRole("link", { name: chipName });
  await expect(dayCell(slotAt).getByRole("link", { name: chipName })).toBeVisible();
  // The drag instructions are mounted in the browser: the calendar is live, not just rendered.
  await expect(chip).toHaveAccessibleDescription(/press Space/);
  await screenshot(page, testInfo, "31-schedule-week");

  // Drag it to the next day: same time of day, saved on the server. Default slots are Tuesday
  // and Thursday, so the two days after the slot are in the same week.
  const movedAt = new Date(slotAt.getTime() + 86_400_000);
  await drag(page, chip, dayCell(movedAt), phone);
  await expect(page.getByText(`Moved to ${slotLabel(movedAt)}`)).toBeVisible();
  await expect(dayCell(movedAt).getByRole("link", { name: chipName })).toBeVisible();
  await expect(upNext.locator(`time[datetime="${movedAt.toISOString()}"]`)).toBeVisible();
  await screenshot(page, testInfo, "32-schedule-moved");

  // And with the keyboard: Space picks it up, an arrow goes to the next day, Space drops it.
  const keyedAt = new Date(movedAt.getTime() + 86_400_000);
  await chip.focus();
  await page.keyboard.press("Space");
  // Picked up: the live region now says which day the post is over.
  await expect(page.getByText(`Over ${dayLabel(movedAt)}.`)).toBeAttached();
  await page.keyboard.press(phone ? "ArrowDown" : "ArrowRight");
  await expect(page.getByText(`Over ${dayLabel(keyedAt)}.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Moved to ${slotLabel(keyedAt)}`)).toBeVisible();
  await expect(dayCell(keyedAt).getByRole("link", { name: chipName })).toBeVisible();
  await expect(upNext.locator(`time[datetime="${keyedAt.toISOString()}"]`)).toBeVisible();

  await calendar.getByRole("button", { name: "Month", exact: true }).click();
  await expect(calendar.getByRole("button", { name: "Month", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const month = new Intl.DateTimeFormat("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  await expect(calendar.getByText(month.format(slotAt), { exact: true })).toBeVisible();
  // Phones show dots in month cells (a tap opens the week); larger screens show the chips.
  if (!phone) await expect(calendar.getByRole("link", { name: chipName })).toBeVisible();
  await screenshot(page, testInfo, "33-schedule-month");

  // QStash's clock passes the new slot; its message publishes the post (the app claims it by
  // its exact time, so the app's own clock doesn't move).
  const clock = `${QSTASH_URL}/_qstash/clock`;
  await request.post(clock, { data: { now: new Date(keyedAt.getTime() + 60_000).toISOString() } });
  try {
    await expect(async () => {
      await page.goto("/schedule");
      await expect(
        calendar.getByRole("link", { name: new RegExp(`Published: ${escapeRegExp(hook)}`) }),
      ).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await request.post(clock, { data: { now: new Date().toISOString() } });
  }
  await expect(
    calendar.getByRole("link", { name: "View on LinkedIn (opens in a new tab)" }),
  ).toHaveAttribute("href", /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/);
  await expect(upNext.getByText("Nothing is scheduled.")).toBeVisible();
  await screenshot(page, testInfo, "34-schedule-published");
});
