import { devices, expect, type Page, test } from "@playwright/test";
import { connectLinkedIn, screenshot, signUpWithOrg, tagFor } from "./support/app";

// The browser sits in New York, so the settings page has a zone to suggest other than UTC.
test.use({ timezoneId: "America/New_York" });

/** "2026-12-10": the calendar date `days` from now in Berlin, as a date input takes it. */
function berlinDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** A tRPC mutation as the signed-in user, in superjson's wire format: setup without the UI. */
async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** An approved post made through the API: the studio and review screens have specs of their own. */
async function approvedPost(page: Page): Promise<string> {
  await mutate(page, "content.saveVoiceProfile", {
    role: "Fractional CTO",
    yearsExperience: 15,
    expertise: ["Kubernetes"],
    audience: "Seed to Series B founders",
    offers: [],
    tone: "direct",
    ctaStyle: "discussion",
    languages: ["en"],
    wordsToAvoid: [],
  });
  const { posts } = await mutate<{ posts: { id: string }[] }>(page, "content.generate", {
    topic: "Release trains for small teams",
    frameworks: ["technical_insight"],
  });
  const postId = posts[0]!.id;
  await mutate(page, "post.submit", { postId, version: 1 });
  await mutate(page, "post.approve", { postId, version: 1 });
  return `/posts/${postId}`;
}

test("posting settings in Berlin, then schedule, reschedule and unschedule from the editor", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "phone screenshots come from a phone in the run");
  const tag = tagFor(testInfo);
  await signUpWithOrg(page, `slots-${tag}@example.com`, `Slots ${tag}`);
  const post = await approvedPost(page);
  await connectLinkedIn(page, `Mara Lind ${tag}`);

  // Never saved: the browser's zone is suggested, and the page says times are UTC until saved.
  await page.goto("/settings/posting");
  await expect(page.getByText("Times are in UTC until you save")).toBeVisible();
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await expect(zone).toHaveValue("America/New York");

  // Berlin by keyboard: type, then Enter on the first match.
  await zone.click();
  await zone.fill("berlin");
  await expect(page.getByRole("option", { name: /Europe\/Berlin/ })).toBeVisible();
  await zone.press("Enter");
  await expect(zone).toHaveValue("Europe/Berlin");

  // Tuesday 06:30 stays, Thursday goes, Wednesday 12:00 comes; adding Tuesday 06:30 again merges.
  await page.getByRole("button", { name: "Remove Thursday 06:30" }).click();
  const day = page.getByLabel("Day", { exact: true });
  const time = page.getByLabel("Time", { exact: true });
  await day.click();
  await page.getByRole("option", { name: "Wednesday" }).click();
  await time.fill("12:00");
  await page.getByRole("button", { name: "Add slot" }).click();
  await day.click();
  await page.getByRole("option", { name: "Tuesday" }).click();
  await time.fill("06:30");
  await page.getByRole("button", { name: "Add slot" }).click();
  await expect(page.getByText("Tuesday 06:30 is already in your list.")).toBeVisible();
  const slots = page.getByRole("list", { name: "Your posting slots" });
  await expect(slots.getByRole("listitem").filter({ hasText: /^(Tuesday|Wednesday)/ })).toHaveText([
    /Tuesday\s*06:30/,
    /Wednesday\s*12:00/,
  ]);

  await page.getByRole("button", { name: "Save posting schedule" }).click();
  await expect(page.getByText("Posting schedule saved")).toBeVisible();
  await expect(page.getByText("Times are in UTC until you save")).toBeHidden();
  const next = page.getByRole("list", { name: "Next free slots" }).getByRole("listitem");
  await expect(next).toHaveCount(5);
  await expect(next.first()).toHaveText(/^(Tue|Wed), \w+ \d+, (6:30 AM|12:00 PM)$/);
  const firstSlot = (await next.first().textContent())!;

  // No slots at all is refused, and what was saved stays.
  await page.getByRole("button", { name: "Remove Tuesday 06:30" }).click();
  await page.getByRole("button", { name: "Remove Wednesday 12:00" }).click();
  await page.getByRole("button", { name: "Save posting schedule" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Add at least one posting slot." }),
  ).toBeVisible();
  await page.reload();
  await expect(zone).toHaveValue("Europe/Berlin");
  await expect(page.getByRole("button", { name: "Remove Wednesday 12:00" })).toBeVisible();
  await expect(next).toHaveCount(5);
  await expect(page.getByText("0 of 12 published posts with engagement so far.")).toBeVisible();
  await screenshot(page, testInfo, "40-posting-settings");

  // In the editor: schedule for the next free slot, the one the settings page showed.
  await page.goto(post);
  const scheduleNext = page.getByRole("button", { name: /^Schedule for next free slot/ });
  await expect(scheduleNext).toHaveText(`Schedule for next free slot (${firstSlot} Europe/Berlin)`);
  await screenshot(page, testInfo, "41-schedule-panel");
  await scheduleNext.click();
  const scheduled = page.getByRole("heading", { name: "Scheduled", exact: true });
  await expect(scheduled).toBeFocused();
  await expect(page.getByText(firstSlot).first()).toBeVisible();
  await expect(page.getByText(`Mara Lind ${tag}`).first()).toBeVisible();
  await screenshot(page, testInfo, "42-scheduled");

  // Reschedule to a picked time: the past is refused before anything is sent.
  await page.getByRole("button", { name: "Pick a new time" }).click();
  await page.getByLabel("Date").fill(berlinDate(-1));
  await page.getByRole("button", { name: "Reschedule", exact: true }).click();
  await expect(page.getByText("That time has already passed")).toBeVisible();
  await page.getByLabel("Date").fill(berlinDate(10));
  await page.getByLabel("Time", { exact: true }).fill("09:15");
  await expect(
    page.getByText(/Goes out .*9:15 AM \(in 10 days\) · .* on this device/),
  ).toBeVisible();
  await page.getByRole("button", { name: "Reschedule", exact: true }).click();
  await expect(page.getByText(/^Rescheduled for .*9:15 AM$/)).toBeVisible();
  await expect(page.locator("time").filter({ hasText: "9:15 AM" })).toBeVisible();

  // Unschedule: back to approved, ready to schedule again; Undo puts it back where it was.
  await page.getByRole("button", { name: "Unschedule" }).click();
  await expect(page.getByRole("heading", { name: "Schedule", exact: true })).toBeFocused();
  await expect(scheduleNext).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(/^Back on the calendar for .*9:15 AM$/)).toBeVisible();
  await expect(scheduled).toBeVisible();

  // On a phone, signed in as the same user: the dashboard ticks "Schedule your first post".
  const phoneContext = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL: testInfo.project.use.baseURL,
    storageState: await page.context().storageState(),
  });
  const phone = await phoneContext.newPage();
  await phone.goto("/");
  await expect(phone.getByRole("link", { name: "View schedule" })).toBeVisible();
  await phone.goto("/settings/posting");
  await expect(phone.getByRole("list", { name: "Next free slots" })).toBeVisible();
  await screenshot(phone, testInfo, "43-posting-settings-phone");
  await phone.goto(post);
  await expect(phone.getByRole("heading", { name: "Scheduled", exact: true })).toBeVisible();
  await screenshot(phone, testInfo, "44-schedule-panel-phone");
  await phoneContext.close();
});
