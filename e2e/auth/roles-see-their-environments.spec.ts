import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";

// The default access matrix, as each demo role sees it on the overview.
const VISIBLE: Record<string, string[]> = {
  "dev@example.com": ["Development", "Staging", "Production"],
  "qa@example.com": ["Staging", "Production"],
  "platform@example.com": ["Development", "Staging", "Production"],
  "exec@example.com": ["Staging", "Production"],
  "cto@example.com": ["Development", "Staging", "Production"],
};

for (const [email, envs] of Object.entries(VISIBLE)) {
  test(`${email} sees exactly ${envs.join(", ")}`, async ({ page }) => {
    await signInAs(page, email);
    await expect(page.getByTestId("env-column")).toHaveText(envs);
  });
}

test("qa gets a 404 on a direct link to development", async ({ page }) => {
  await signInAs(page, "qa@example.com");
  const response = await page.goto("/environments/development");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("an executive sees production only as dashboards", async ({ page }) => {
  await signInAs(page, "exec@example.com");
  await expect(page.getByTestId("environment-comparison")).toContainText("your access: dashboards");
  const response = await page.goto("/environments/production");
  expect(response?.status()).toBe(200);
});

test("signed-out visitors are sent to sign-in", async ({ page }) => {
  await page.goto("/environments/production");
  await expect(page).toHaveURL(/\/signin/);
});

test("sign-out ends the session", async ({ page }) => {
  await signInAs(page, "dev@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});
