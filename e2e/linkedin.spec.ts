import { expect, test } from "@playwright/test";
import {
  connectLinkedIn,
  fillVoiceProfile,
  generateDrafts,
  SANDBOX_URL,
  screenshot,
  signUpWithOrg,
  submitAndApprove,
  tagFor,
} from "./support/app";

test("connect LinkedIn, publish now, see it on the feed, then a dead token asks to reconnect", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run covers the LinkedIn round trip");
  const tag = tagFor(testInfo);
  await signUpWithOrg(page, `linkedin-${tag}@example.com`, `LinkedIn ${tag}`);
  await fillVoiceProfile(page);
  const [first, second] = await generateDrafts(page, "Incident reviews that change behaviour", [
    "Leadership story",
    "Team building",
  ]);
  await submitAndApprove(page, first!);
  await submitAndApprove(page, second!);

  // Connect through LinkedIn's consent page (the sandbox's).
  const member = `Dana Reyes ${tag}`;
  await connectLinkedIn(page, member, testInfo);
  await expect(page.getByText("Healthy").first()).toBeVisible();
  await screenshot(page, testInfo, "21-linkedin-connected");

  // Publish the first post now.
  await page.goto(first!);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published on LinkedIn")).toBeVisible({ timeout: 20_000 });
  const view = page.getByRole("link", { name: "View on LinkedIn" });
  await expect(view).toHaveAttribute(
    "href",
    /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/,
  );
  const urn = (await view.getAttribute("href"))!.match(/urn:li:share:\d+/)![0];
  await screenshot(page, testInfo, "22-published");

  // It is on the sandbox feed, in full.
  const { posts } = (await (await request.get(`${SANDBOX_URL}/_sandbox/posts`)).json()) as {
    posts: { urn: string; author: string; text: string; truncatedAt: number | null }[];
  };
  const published = posts.find((p) => p.urn === urn)!;
  expect(published.truncatedAt).toBeNull();
  await page.goto(`${SANDBOX_URL}/feed`);
  await expect(page.getByRole("heading", { name: "LinkedIn sandbox feed" })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: member }).first()).toBeVisible();
  await screenshot(page, testInfo, "23-sandbox-feed");

  // LinkedIn expires the token; the next publish fails safely and the app asks to reconnect.
  const memberSub = published.author.replace("urn:li:person:", "");
  await request.post(`${SANDBOX_URL}/_sandbox/tokens/expire`, { data: { memberSub } });
  await page.goto(second!);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText(/Reconnect LinkedIn/).first()).toBeVisible({ timeout: 20_000 });
  // The post is kept, marked failed with LinkedIn's reason; no account can publish until reconnected.
  await expect(page.getByText("No connected LinkedIn account can publish right now")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Reconnect LinkedIn" }).first()).toBeVisible();
  await screenshot(page, testInfo, "24-reconnect-banner");
});
