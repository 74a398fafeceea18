import { expect, test } from "@playwright/test";
import {
  connectLinkedIn,
  fillVoiceProfile,
  generateDrafts,
  screenshot,
  signUpWithOrg,
  submitAndApprove,
  tagFor,
} from "./support/app";

test("a lead in imported comments pops up live, in the bell, on /notifications and by email", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run covers the alert round trip");
  test.setTimeout(180_000);
  const tag = tagFor(testInfo);
  const email = `alerts-${tag}@example.com`;
  await signUpWithOrg(page, email, `Alerts ${tag}`);
  await fillVoiceProfile(page);
  const [path] = await generateDrafts(page, "Platform teams that ship", ["Technical insight"]);
  await submitAndApprove(page, path!);
  await connectLinkedIn(page, `Robin Vale ${tag}`);
  await page.goto(path!);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published on LinkedIn")).toBeVisible({ timeout: 20_000 });

  // Nothing yet: the bell has no count.
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  const panel = page.getByRole("region", { name: "Engagement" });
  await panel.getByRole("button", { name: "Import comments" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import comments" });
  await dialog
    .getByLabel("Comments copied from the post")
    .fill(
      "Jane Doe\n • 2nd\nCTO at Finly\n2h\nWe're looking for a fractional CTO to help us scale our platform team and fix our architecture. What would it cost? Could we set up a call this week?\nLike\nReply",
    );
  await dialog.getByRole("button", { name: "Import comments" }).click();
  await expect(dialog.getByText("Imported 1 comment")).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole("button", { name: "Done" }).click();

  // The live toast, over SSE, and the bell's count.
  const toast = page
    .locator("[data-sonner-toast]")
    .filter({ hasText: /New (critical|high)-priority lead: Jane Doe — CTO at Finly/ });
  await expect(toast).toBeVisible({ timeout: 15_000 });
  await screenshot(page, testInfo, "40-lead-alert-toast");
  const bell = page.getByRole("button", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();

  await bell.click();
  const popover = page.getByRole("dialog").filter({ hasText: "Mark all read" });
  const item = popover.getByRole("link", { name: /lead: Jane Doe/ });
  await expect(item).toBeVisible();
  await screenshot(page, testInfo, "41-notification-bell");
  // Opening it marks it read and goes to the lead (its page belongs to the leads inbox).
  await item.click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);

  // The full list, the member's settings and the owner's delivery log.
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /lead: Jane Doe/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  const log = page.getByRole("listitem").filter({ hasText: /lead: Jane Doe/ });
  await expect(log.filter({ hasText: "Email" }).getByText("Sent")).toBeVisible();
  await expect(log.filter({ hasText: "In app" }).getByText("Sent")).toBeVisible();
  await screenshot(page, testInfo, "42-notifications-page");

  const emailSwitch = page.getByRole("switch", { name: "By email" });
  await expect(emailSwitch).toBeChecked();
  await emailSwitch.click();
  await expect(page.getByText("Alert settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "By email" })).not.toBeChecked();

  await expect(page.getByLabel("Alert me about")).toHaveText("High and critical");

  // A hidden tab drops its connection; back in view, it resumes after the last event it had,
  // so a lead that came in meanwhile still pops up, once.
  await page.goto(path!);
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  const setVisibility = (state: "hidden" | "visible") =>
    page.evaluate((value) => {
      Object.defineProperty(document, "visibilityState", { value, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await panel.getByRole("button", { name: "Import comments" }).first().click();
  await dialog
    .getByLabel("Comments copied from the post")
    .fill(
      "Mei Chen\n • 3rd+\nVP Engineering at Orbit\n1h\nWe need a fractional CTO for an architecture review before our Series B. What's your rate? Can we book a call?\nLike\nReply",
    );
  await dialog.getByRole("button", { name: "Import comments" }).click();
  await expect(dialog.getByText("Imported 1 comment")).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole("button", { name: "Done" }).click();
  await page.waitForTimeout(1_500);
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: /Mei Chen/ })).toHaveCount(0);
  await setVisibility("visible");
  const catchUp = page.locator("[data-sonner-toast]").filter({ hasText: /lead: Mei Chen/ });
  await expect(catchUp).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Notifications, 1 unread" })).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(catchUp).toHaveCount(1);

  // The email, as the mailbox received it.
  await page.goto("/dev/mailbox");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `to ${email}` })
      .filter({ hasText: /lead: Jane Doe/ })
      .first(),
  ).toBeVisible();
});

test("phone: the bell sits in the top bar and /notifications fits the screen", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the desktop run covers the flow");
  const tag = tagFor(testInfo);
  await signUpWithOrg(page, `alerts-phone-${tag}@example.com`, `Alerts ${tag}`);
  const bell = page.getByRole("button", { name: "Notifications", exact: true });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByText("Nothing yet.")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/notifications");
  await expect(page.getByText(/No notifications yet/)).toBeVisible();
  await expect(page.getByRole("switch", { name: "In the app" })).toBeChecked();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, "43-notifications-phone");
});
