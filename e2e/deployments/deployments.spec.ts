import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";

const SHOTS = process.env.E2E_SCREENSHOTS; // a directory, to look at the pages

test("filters the history in the URL and pages forward with the cursor", async ({ page }) => {
  await signInAs(page, "dev@example.com");
  await page.goto("/deployments?environment=staging&status=succeeded");
  const rows = page.getByTestId("deployment-row");
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("row-environment")).toHaveText(Array(50).fill("Staging"));
  const firstPage = await rows.first().innerText();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/deployments.png`, fullPage: true });

  await page.getByTestId("older-page").click();
  await expect(page).toHaveURL(/cursor=/, { timeout: 60_000 });
  await expect(page).toHaveURL(/environment=staging/);
  await expect(rows).toHaveCount(50);
  expect(await rows.first().innerText()).not.toBe(firstPage);
  await expect(page.getByTestId("row-environment").first()).toHaveText("Staging");

  // The filter form writes the URL.
  await page.getByLabel("Environment").selectOption("production");
  await page.getByLabel("Status").selectOption("rolled_back");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/environment=production/, { timeout: 60_000 });
  await expect(page).toHaveURL(/status=rolled_back/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(rows.first()).toContainText("replaced by");
});

test("running now lists the services that differ between environments first, a page at a time", async ({ page }) => {
  await signInAs(page, "platform@example.com");
  await page.goto("/deployments");
  const summary = page.getByTestId("running-summary");
  await expect(summary).toContainText(/Services 1–\d+ of \d+ · \d+ differ between environments/);
  const [, shown, total, differ] = (await summary.innerText()).match(/Services 1–(\d+) of (\d+) · (\d+) differ/)!.map(Number);
  expect(shown).toBe(Math.min(total, 20));
  await expect(page.getByTestId("running-row")).toHaveCount(shown);
  if (differ > 0) {
    // The first row differs: its versions are not all the same (a dash counts as a version).
    const cells = await page.getByTestId("running-row").first().locator("td").allInnerTexts();
    expect(new Set(cells.map((c) => c.trim())).size).toBeGreaterThan(1);
  }
  // A page number out of range shows the last page; one that is not a number, the first.
  await page.goto("/deployments?running=999");
  await expect(summary).toContainText(`of ${total}`);
  await page.goto("/deployments?running=x");
  await expect(summary).toContainText("Services 1–");
});

test("an executive sees insights for the environments they may see", async ({ page }) => {
  await signInAs(page, "exec@example.com");
  await page.goto("/insights?days=90");
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
  await expect(page.getByTestId("insights-production")).toBeVisible();
  await expect(page.getByTestId("insights-development")).toHaveCount(0);
  await expect(page.getByTestId("insights-production").getByTestId("metric-cfr")).toContainText("%");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/insights.png`, fullPage: true });
  const csv = await page.request.get("/insights/csv?days=90");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^period_from,period_to,environment,service/);
  // Production is dashboards-only for an executive: no deploy history there.
  const res = await page.goto("/deployments?environment=production");
  expect(res?.status()).toBe(200);
  await expect(page.getByText("No deployments match these filters")).toBeVisible();
});

test("a CI token: created, shown once, works on the API, revoked → 401", async ({ page }) => {
  const anonymous = await page.request.post("/api/v1/deployments", { data: {} });
  expect(anonymous.status()).toBe(401);

  await signInAs(page, "platform@example.com");
  await page.goto("/settings");
  // The settings page has two "Name" fields (tokens, notification webhooks): the token form's.
  // A name of its own per attempt: a retry must not find the first attempt's token.
  const name = `e2e pipeline ${test.info().retry}-${Date.now() % 100_000}`;
  await page.getByPlaceholder("e.g. github-actions deploy").fill(name);
  await page.getByRole("radio", { name: /^CI/ }).check();
  await page.getByRole("checkbox", { name: /deployments:write/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-value").innerText()).trim();
  expect(token).toMatch(/^pty_/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/settings.png`, fullPage: true });

  const report = { externalId: `e2e-${Date.now()}`, environment: "production", service: "checkout", version: "v2.0.0", commitSha: "abcdef1234567", strategy: "canary" };
  const auth = { authorization: `Bearer ${token}` };
  const created = await page.request.post("/api/v1/deployments", { data: report, headers: auth });
  expect(created.status()).toBe(201);
  const again = await page.request.post("/api/v1/deployments", { data: report, headers: auth });
  expect(again.status()).toBe(200);
  expect((await again.json()).data.id).toBe((await created.json()).data.id);

  await page.reload();
  await expect(page.getByTestId("new-token-value")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  const after = await page.request.get("/api/v1/deployments?limit=1", { headers: auth });
  expect(after.status()).toBe(401);
});

test("the overview and the environment page show deploys and what runs there", async ({ page }) => {
  await signInAs(page, "dev@example.com");
  await expect(page.getByTestId("overview-deployments").getByRole("listitem")).toHaveCount(8);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
  await page.goto("/environments/production");
  const section = page.getByTestId("environment-deployments");
  await expect(section.getByTestId("running-now")).toContainText("Checkout");
  await expect(section.getByTestId("deployment-row")).toHaveCount(10);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/environment.png`, fullPage: true });
  await section.getByTestId("deployment-row").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("v", { timeout: 60_000 });
  await expect(page.getByText("Triggered by")).toBeVisible();
});
