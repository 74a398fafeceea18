import { type Browser, devices, expect, type Page, type TestInfo } from "@playwright/test";

/** A unique, readable suffix per test and project so runs never collide. */
export function tagFor(testInfo: TestInfo): string {
  return `${testInfo.project.name}-${Date.now().toString(36)}`;
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: `e2e/output/screenshots/${testInfo.project.name}/${name}.png`,
    fullPage: true,
  });
}

/** Follows the newest link to `path` in the email to `email`, as read on /dev/mailbox. */
export async function openEmailLink(page: Page, email: string, path: string): Promise<void> {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    const link = page.locator(`a[href*="${path}"]`);
    const message = page
      .getByRole("listitem")
      .filter({ hasText: `to ${email}` })
      .filter({ has: link })
      .first();
    const href = await message.locator(link).first().getAttribute("href", { timeout: 1_000 });
    expect(href).toBeTruthy();
    await page.goto(href!);
  }).toPass({ timeout: 15_000 });
}

/**
 * Asks for a sign-in link from /sign-in. Each person gets a client address of their own (the
 * local cloud reads X-Forwarded-For, as Vercel's x-vercel-forwarded-for in production), so the
 * per-IP sign-in limit, tested on its own, does not pool every test run on this machine.
 */
export async function requestSignInLink(
  page: Page,
  email: string,
  testInfo?: TestInfo,
): Promise<void> {
  const octets = crypto.getRandomValues(new Uint8Array(3));
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `10.${octets.join(".")}` });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to TechLead AutoPilot" })).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  if (testInfo) await screenshot(page, testInfo, "01-sign-in-link-sent");
}

/** Requests a magic link for the address and completes sign-in through the mailbox. */
export async function signIn(page: Page, email: string, testInfo?: TestInfo): Promise<void> {
  await requestSignInLink(page, email, testInfo);
  await openEmailLink(page, email, "/auth/verify");
  // The page names the account before it signs in.
  await expect(page.getByText(`This link signs in ${email}`)).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/auth/verify"));
}

/** A second browser with the same device settings as the test's project. */
export async function newDevice(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor, baseURL } =
    testInfo.project.use;
  const context = await browser.newContext({
    viewport,
    userAgent,
    isMobile,
    hasTouch,
    deviceScaleFactor,
    baseURL,
  });
  return context.newPage();
}

/** Signs a new user up and creates their organization; ends on the dashboard. */
export async function signUpWithOrg(page: Page, email: string, orgName: string): Promise<void> {
  await signIn(page, email);
  await page.getByLabel("Organization name").fill(orgName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("button", { name: "Switch organization" })).toContainText(orgName);
}

/** A phone (Pixel 7) in the same browser, whatever the project's device. */
export async function newPhone(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL: testInfo.project.use.baseURL,
  });
  return context.newPage();
}

/** The LinkedIn sandbox started by e2e/serve.ts (the fourth port of the local cloud's block). */
export const SANDBOX_URL = `http://127.0.0.1:${Number(process.env.E2E_CLOUD_PORT ?? 5680) + 3}`;

/** The QStash stand-in (the fifth port); its control API moves the clock its messages follow. */
export const QSTASH_URL = `http://127.0.0.1:${Number(process.env.E2E_CLOUD_PORT ?? 5680) + 4}`;

/**
 * Connects a new sandbox member through LinkedIn's consent page; ends on Settings → LinkedIn.
 * With `testInfo`, the consent page is captured on the way.
 */
export async function connectLinkedIn(
  page: Page,
  member: string,
  testInfo?: TestInfo,
): Promise<void> {
  await page.goto("/settings/linkedin");
  await page.getByRole("link", { name: "Connect LinkedIn" }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_URL}/oauth/v2/authorization`));
  await page.getByLabel("New member name").fill(member);
  await page.locator('input[name="member"][value="new"]').check();
  if (testInfo) await screenshot(page, testInfo, "20-linkedin-consent");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/settings\/linkedin\?linkedin=connected/);
  await expect(page.getByText(member).first()).toBeVisible();
}

export async function fillVoiceProfile(page: Page): Promise<void> {
  await page.goto("/voice");
  await page.getByLabel("Your role").fill("Fractional CTO");
  await page.getByLabel("Years of experience").fill("15");
  const expertise = page.getByLabel("Expertise areas");
  await expertise.fill("Kubernetes");
  await expertise.press("Enter");
  await expertise.fill("Platform engineering");
  await expertise.press("Enter");
  await page.getByLabel("Audience").fill("Seed to Series B founders");
  await page.getByRole("button", { name: "Save voice profile" }).click();
  await expect(page.getByRole("link", { name: /Generate your first posts/ })).toBeVisible();
}

/** Generates drafts from the given frameworks; returns the editor URLs of the new posts. */
export async function generateDrafts(
  page: Page,
  topic: string,
  frameworks: string[],
): Promise<string[]> {
  await page.goto("/posts/new");
  await page.getByLabel("Topic").fill(topic);
  for (const name of frameworks) {
    // People click the framework card; its checkbox is only there for keyboards and readers.
    await page.locator("label").filter({ hasText: name }).click();
    await expect(page.getByRole("checkbox", { name: new RegExp(name) })).toBeChecked();
  }
  const count = frameworks.length;
  await page
    .getByRole("button", { name: `Generate ${count} draft${count === 1 ? "" : "s"}` })
    .click();
  const editLinks = page.getByRole("link", { name: /^Edit the .* draft$/ });
  await expect(editLinks).toHaveCount(count);
  return Promise.all(
    (await editLinks.all()).map(
      async (link) => new URL((await link.getAttribute("href"))!, page.url()).pathname,
    ),
  );
}

/** Submits the post at `path` and approves it on its review screen (the user must be an admin). */
export async function submitAndApprove(
  page: Page,
  path: string,
  comment = "Approved.",
): Promise<void> {
  await page.goto(path);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/In review/i).first()).toBeVisible();
  await page.goto(`${path}/review`);
  await page.getByLabel("Comment").fill(comment);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByText(/Approved/i).first()).toBeVisible();
}
