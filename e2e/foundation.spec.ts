import { expect, test } from "@playwright/test";
import {
  newDevice,
  openEmailLink,
  requestSignInLink,
  screenshot,
  signIn,
  tagFor,
} from "./support/app";

test("sign up through the mailbox, create an org, invite a teammate who joins and switches org", async ({
  page,
  browser,
}, testInfo) => {
  const tag = tagFor(testInfo);
  const owner = `owner-${tag}@example.com`;
  const teammate = `teammate-${tag}@example.com`;
  const acme = `Acme ${tag}`;
  const beta = `Beta ${tag}`;

  // The owner signs up and creates the organization.
  await signIn(page, owner, testInfo);
  await expect(page).toHaveURL(/\/onboarding/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();
  await screenshot(page, testInfo, "02-onboarding");
  await page.getByLabel("Organization name").fill(acme);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to TechLead AutoPilot" })).toBeVisible();
  await expect(page.getByText("No posts yet")).toBeVisible();
  await screenshot(page, testInfo, "03-dashboard");

  // The owner invites a teammate.
  await page.goto("/settings/members");
  await page.getByLabel("Email address").fill(teammate);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(teammate).first()).toBeVisible();
  await screenshot(page, testInfo, "04-members-invited");

  // The teammate already runs their own workspace, then accepts the invitation.
  const other = await newDevice(browser, testInfo);
  await signIn(other, teammate);
  await other.getByLabel("Organization name").fill(beta);
  await other.getByRole("button", { name: "Create organization" }).click();
  await expect(other.getByRole("heading", { name: "Welcome to TechLead AutoPilot" })).toBeVisible();

  await openEmailLink(other, teammate, "/invite/");
  await expect(other.getByText(`Join ${acme}`).first()).toBeVisible();
  await screenshot(other, testInfo, "05-invitation");
  await other.getByRole("button", { name: `Join ${acme}` }).click();
  await expect(other).toHaveURL(/\/$/);
  await expect(other.getByRole("button", { name: "Switch organization" })).toContainText(acme);

  // Switch back to their own workspace from the org switcher.
  await other.getByRole("button", { name: "Switch organization" }).click();
  await screenshot(other, testInfo, "06-org-switcher");
  await other.getByRole("menuitem", { name: new RegExp(beta) }).click();
  await expect(other.getByRole("button", { name: "Switch organization" })).toContainText(beta);
  await screenshot(other, testInfo, "07-switched");

  // The owner sees the teammate as a member now.
  await page.goto("/settings/members");
  await expect(page.getByRole("cell", { name: teammate }).first()).toBeVisible();
  await other.context().close();
});

test("bad sign-in input gets a clear message and nothing is sent", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(/valid email address/)).toBeVisible();
  await screenshot(page, testInfo, "08-sign-in-error");

  // A reused magic link explains itself and offers a new one.
  const email = `reuse-${tagFor(testInfo)}@example.com`;
  await signIn(page, email);
  await page.context().clearCookies();
  await openEmailLink(page, email, "/auth/verify");
  await expect(page.getByText(/already used/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Request a new link" })).toBeVisible();
});

test("someone else's sign-in link asks before replacing the session; a bad next= is ignored", async ({
  page,
  browser,
}, testInfo) => {
  const tag = tagFor(testInfo);
  const mine = `mine-${tag}@example.com`;
  const theirs = `theirs-${tag}@example.com`;
  await signIn(page, mine);
  // The link is mailed to their address; here it is opened in a browser signed in as mine.
  const elsewhere = await newDevice(browser, testInfo);
  await requestSignInLink(elsewhere, theirs);
  await elsewhere.context().close();

  await openEmailLink(page, theirs, "/auth/verify");
  await expect(page.getByText(`This link signs in ${theirs}`)).toBeVisible();
  await expect(page.getByText(`You're signed in as ${mine}`)).toBeVisible();
  await screenshot(page, testInfo, "09-verify-other-account");
  await page.getByRole("link", { name: `Stay signed in as ${mine}` }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  // The onboarding header names the account (shown from the sm breakpoint, so only attached on a phone).
  await expect(page.getByText(`Signed in as ${mine}`)).toBeAttached();

  // A next= with a newline once answered 500; it is dropped like any unsafe target.
  const response = await page.goto("/sign-in?next=%2F%0A%2Fx");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/onboarding/);

  await openEmailLink(page, theirs, "/auth/verify");
  await page.getByRole("button", { name: `Sign in as ${theirs}` }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  await expect(page.getByText(`Signed in as ${theirs}`)).toBeAttached();
});
