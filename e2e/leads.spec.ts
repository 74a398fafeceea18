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

const PASTED = [
  "Jane Doe\n • 2nd\nCEO at Finly\n2h\nWe're a Series A fintech with 25 engineers and our architecture is falling apart. Could we book a call this week to talk about a fractional CTO engagement?\nLike\nReply",
  "Sam <b>Bold</b>\n • 3rd\nVP Engineering at Acme\n3h\nThis is exactly our situation, our monolith is slowing every release down.\nLike\nReply",
  "Bob Builder\n • 3rd\nSoftware Engineer at Foo\n5h\nGreat post, totally agree! 👏\nLike\nReply",
].join("\n");

test("imported comments become leads: inbox, filters, detail, status, notes, settings", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the phone run checks the layout");
  test.setTimeout(180_000);
  const tag = tagFor(testInfo);
  await signUpWithOrg(page, `leads-${tag}@example.com`, `Leads ${tag}`);

  // Nothing yet: the empty inbox says where leads come from.
  await page.goto("/leads");
  await expect(page.getByRole("heading", { name: "No leads yet" })).toBeVisible();
  await expect(
    page.getByText(/Leads come from the comments on your published posts/),
  ).toBeVisible();
  await screenshot(page, testInfo, "50-leads-empty");

  await fillVoiceProfile(page);
  const [path] = await generateDrafts(page, "Platform teams that ship", ["Technical insight"]);
  await submitAndApprove(page, path!);
  await connectLinkedIn(page, `Robin Vale ${tag}`);
  await page.goto(path!);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published on LinkedIn")).toBeVisible({ timeout: 20_000 });
  const panel = page.getByRole("region", { name: "Engagement" });
  await panel.getByRole("button", { name: "Import comments" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import comments" });
  await dialog.getByLabel("Comments copied from the post").fill(PASTED);
  await dialog.getByRole("button", { name: "Import comments" }).click();
  await expect(dialog.getByText(/Imported 3 comments/)).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole("button", { name: "Done" }).click();

  // The inbox: two leads (praise is none), most promising first; names are text, not markup.
  await page.goto("/leads");
  const list = page.getByRole("list", { name: "Leads" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("Jane Doe");
  await expect(list.getByRole("listitem").first()).toContainText("Critical");
  await expect(list.getByRole("link", { name: "Sam <b>Bold</b>" })).toBeVisible();
  await expect(page.getByText("Bob Builder")).toHaveCount(0);
  await screenshot(page, testInfo, "51-leads-inbox");

  // Priority chips and search filter the list (and live in the URL).
  await page.getByRole("button", { name: "Low", exact: true }).click();
  await expect(page).toHaveURL(/priority=low/);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Sam <b>Bold</b>");
  await page.getByRole("button", { name: "All priorities" }).click();
  await page.getByLabel("Search leads").fill("fintech");
  await expect(page).toHaveURL(/q=fintech/);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Jane Doe");

  // The lead: comment, reasons, value, status stepper, notes.
  await list.getByRole("link", { name: "Jane Doe" }).click();
  await expect(page.getByRole("heading", { name: "Jane Doe", level: 1 })).toBeVisible();
  await expect(page.getByText("CEO at Finly", { exact: true })).toBeVisible();
  const why = page.locator("li:visible", { hasText: "Asks for help directly" });
  await expect(why.first()).toBeVisible();
  // The topic's value × Series A (1.0); the topic leans on the generated post, so any value.
  await expect(page.getByText(/^€\d{1,3}(,\d{3})*$/)).toBeVisible();
  await page.getByRole("button", { name: "Mark contacted" }).click();
  await expect(page.getByText("Lead marked contacted")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark qualified" })).toBeVisible();
  await page.getByLabel("New note").fill("Call booked for Friday.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Call booked for Friday.")).toBeVisible();
  await screenshot(page, testInfo, "52-lead-detail");
  await page.reload();
  await expect(page.getByRole("button", { name: "Mark qualified" })).toBeVisible();

  // Lead settings: alert priority and values, saved and kept.
  await page.goto("/settings/leads");
  await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
  await page.getByLabel("Words in the comment").fill("giveaway");
  const values = page.getByRole("group", { name: "Value by topic" });
  for (const input of await values.getByRole("textbox").all()) await input.fill("90000");
  await page.getByRole("button", { name: "Save lead settings" }).click();
  await expect(page.getByText("Lead settings saved")).toBeVisible();
  await screenshot(page, testInfo, "53-lead-settings");
  await page.reload();
  await expect(page.getByLabel("Words in the comment")).toHaveValue("giveaway");
  await page.goto("/leads");
  await page.getByRole("link", { name: "Jane Doe" }).click();
  await expect(page.getByText("€90,000")).toBeVisible();
});

test("phone: the leads inbox and settings fit the screen", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the desktop run covers the flow");
  const tag = tagFor(testInfo);
  await signUpWithOrg(page, `leads-phone-${tag}@example.com`, `Leads ${tag}`);
  await page.goto("/leads");
  await expect(page.getByRole("heading", { name: "No leads yet" })).toBeVisible();
  const overflow = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, "54-leads-phone");
  await page.goto("/settings/leads");
  await expect(page.getByRole("heading", { name: "Lead values" })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, "55-lead-settings-phone");
});
