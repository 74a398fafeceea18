import { type Browser, expect, type Page, type TestInfo } from "@playwright/test";

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
 * Requests a magic link for the address and completes sign-in through the mailbox. Each person
 * gets a client address of their own (as Vercel's x-forwarded-for gives in production), so the
 * per-IP sign-in limit, tested on its own, does not pool every test run on this machine.
 */
export async function signIn(page: Page, email: string, testInfo?: TestInfo): Promise<void> {
  const octets = crypto.getRandomValues(new Uint8Array(3));
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `10.${octets.join(".")}` });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to TechLead AutoPilot" })).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  if (testInfo) await screenshot(page, testInfo, "01-sign-in-link-sent");
  await openEmailLink(page, email, "/auth/verify");
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
