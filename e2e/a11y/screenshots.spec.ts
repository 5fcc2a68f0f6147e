// Screenshots of the main pages per role for the README and for a human look (SCREENSHOTS=1 only):
// docs/screenshots/<role>-<page>.png at 1440×900, light, and <role>-<page>-dark.png for a few.
//   SCREENSHOTS=1 E2E_PORT=3340 npx playwright test e2e/a11y/screenshots.spec.ts --project=flows
import { expect, test, type Browser } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { ROLES, type RoleKey } from "./pages";

test.skip(!process.env.SCREENSHOTS, "screenshots only on request");
test.describe.configure({ mode: "parallel" });

const SHOTS: Record<RoleKey, Record<string, string>> = {
  platform: {
    overview: "/",
    compare: "/compare?from=staging&to=production",
    "compare-diff": "/compare?from=staging&to=production#svc-checkout",
    environment: "/environments/production",
    service: "/environments/staging/services/checkout",
    promotions: "/promotions?tab=all",
    promotion: "/promotions/seed-promo-004",
    secrets: "/secrets",
    deployments: "/deployments",
    insights: "/insights",
    access: "/access",
  },
  developer: { overview: "/", environment: "/environments/development", promotion: "/promotions/seed-promo-004" },
  qa: { promotion: "/promotions/seed-promo-002" },
  executive: { overview: "/", insights: "/insights" },
  eng_leader: { overview: "/" },
};
const DARK: Partial<Record<RoleKey, string[]>> = { platform: ["overview", "compare", "promotion", "insights"] };

async function shoot(browser: Browser, role: RoleKey, mode: "light" | "dark", pages: [string, string][]) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: mode })).newPage();
  await signInAs(page, ROLES[role]);
  for (const [name, path] of pages) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("skeleton")).toHaveCount(0);
    // Next's development indicator is not part of the portal.
    await page.addStyleTag({ content: "nextjs-portal { display: none !important; }" });
    await page.waitForTimeout(1500); // charts animate in
    await page.screenshot({ path: `docs/screenshots/${role}-${name}${mode === "dark" ? "-dark" : ""}.png` });
  }
}

for (const role of Object.keys(SHOTS) as RoleKey[]) {
  test(`${role}, light`, async ({ browser }) => {
    test.setTimeout(600_000);
    await shoot(browser, role, "light", Object.entries(SHOTS[role]));
  });
  const dark = DARK[role];
  if (dark) {
    test(`${role}, dark`, async ({ browser }) => {
      test.setTimeout(600_000);
      await shoot(browser, role, "dark", dark.map((name) => [name, SHOTS[role][name]]));
    });
  }
}
