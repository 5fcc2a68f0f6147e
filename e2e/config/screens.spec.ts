// Screenshots of the config pages for a human look (SCREENSHOTS=1; written to test-results/config-screens).
import { test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";

test.skip(!process.env.SCREENSHOTS, "screenshots only on request");

const out = (name: string) => `test-results/config-screens/${name}.png`;

test("config pages", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signInAs(page, "platform@example.com");
  await page.goto("/compare?from=staging&to=production");
  await page.screenshot({ path: out("compare"), fullPage: false });
  await page.locator("#svc-checkout").scrollIntoViewIfNeeded();
  await page.screenshot({ path: out("compare-checkout") });
  await page.goto("/environments/production/services/payments?layer=env");
  await page.screenshot({ path: out("service"), fullPage: true });
  await page.goto("/environments/staging");
  await page.getByTestId("environment-findings").scrollIntoViewIfNeeded();
  await page.screenshot({ path: out("environment") });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await page.getByTestId("overview-findings").scrollIntoViewIfNeeded();
  await page.screenshot({ path: out("overview-dark") });
});
