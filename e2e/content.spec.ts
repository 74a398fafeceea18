import { expect, test } from "@playwright/test";
import {
  fillVoiceProfile,
  generateDrafts,
  newPhone,
  screenshot,
  signIn,
  signUpWithOrg,
  tagFor,
} from "./support/app";

test("voice profile, three drafts from different frameworks, edit, submit, approve on a phone", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the approval step uses its own phone");
  // Two browsers, three drafts and a review round trip with a conflict in between.
  test.setTimeout(120_000);
  const tag = tagFor(testInfo);
  const owner = `studio-${tag}@example.com`;
  await signUpWithOrg(page, owner, `Studio ${tag}`);

  await fillVoiceProfile(page);
  await screenshot(page, testInfo, "10-voice-profile");

  const drafts = await generateDrafts(page, "Why your Kubernetes bill doubled", [
    "Technical insight",
    "Controversial take",
    "Leadership story",
  ]);
  expect(drafts).toHaveLength(3);
  await screenshot(page, testInfo, "11-three-drafts");

  // Edit one; autosave keeps it.
  await page.goto(drafts[0]!);
  const text = page.getByLabel("Post text");
  await expect(text).toBeVisible();
  await text.press("Control+End");
  await text.pressSequentially("\n\nP.S. Measure before you cut.");
  await expect(page.getByText(/^Saved /)).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel("Post text")).toHaveValue(/Measure before you cut\.$/);
  await screenshot(page, testInfo, "12-editor");
  const postUrl = new URL(page.url());

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/In review/i).first()).toBeVisible();

  // The owner approves from their phone.
  const phone = await newPhone(browser, testInfo);
  await signIn(phone, owner);
  await phone.goto(`${postUrl.pathname}/review`);
  await expect(phone.getByText("Measure before you cut.").first()).toBeVisible();

  // The author edits while it is in review: it goes back to draft, and the owner's approval of
  // the text they read is refused until they load the new one.
  await text.press("Control+End");
  await text.pressSequentially(" Then cut.");
  await expect(page.getByText("Back to draft: your edit took this post out of review")).toBeVisible(
    {
      timeout: 15_000,
    },
  );
  await phone.getByRole("button", { name: "Approve" }).click();
  await expect(phone.getByText("The author changed this post after you opened it")).toBeVisible();
  await phone.getByRole("button", { name: "Load the new text" }).click();
  await expect(phone.getByText("Nothing to review")).toBeVisible();
  await expect(phone.getByText("Then cut.").first()).toBeVisible();

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/In review/i).first()).toBeVisible();
  await phone.reload();
  await expect(phone.getByText("Then cut.").first()).toBeVisible();
  await phone.getByLabel("Comment").fill("Sharp. Ship it.");
  await screenshot(phone, testInfo, "13-review-on-phone");
  await phone.getByRole("button", { name: "Approve" }).click();
  await expect(phone).toHaveURL(new RegExp(`${postUrl.pathname}$`));
  await expect(phone.getByText(/Approved/i).first()).toBeVisible();
  await screenshot(phone, testInfo, "14-approved-on-phone");
  await phone.context().close();
});

test("without a voice profile the studio says where to start", async ({ page }, testInfo) => {
  const tag = tagFor(testInfo);
  await signUpWithOrg(page, `limits-${tag}@example.com`, `Limits ${tag}`);
  await page.goto("/posts/new");
  await expect(page.getByText("First, describe your voice")).toBeVisible();
  await page.getByRole("link", { name: "Describe your expertise" }).click();
  await expect(page).toHaveURL(/\/voice$/);
});
