import { expect, test } from "@playwright/test";

test("signs in through a real OpenID Connect provider", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  // oidc-provider's development login form
  await page.locator("input[name=login]").fill("qa@example.com");
  await page.locator("input[name=password]").fill("any");
  await page.locator("button[type=submit]").click();
  const consent = page.locator("button[type=submit]");
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
  await expect(page.getByTestId("current-user")).toHaveText("Quinn QA", { timeout: 90_000 });
  await expect(page.getByTestId("env-column")).toHaveText(["Staging", "Production"]);
});

test("an identity unknown to Parity is refused", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  await page.locator("input[name=login]").fill("stranger@elsewhere.example");
  await page.locator("input[name=password]").fill("any");
  await page.locator("button[type=submit]").click();
  const consent = page.locator("button[type=submit]");
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
  await expect(page.getByRole("alert").filter({ hasText: "not a Parity user" })).toBeVisible({ timeout: 90_000 });
});
