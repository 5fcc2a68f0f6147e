// Configuration as people use it: compare two environments, mark a difference as
// intended, edit a flag and restore it, import a file; and who may not.
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { sessionFor } from "../fixtures/session";
import { callAction, discoverActions } from "../fixtures/actions";
import { withDb } from "../fixtures/db";
import { USER_TOKENS } from "../fixtures/tokens";

test.describe.configure({ mode: "serial" });

test("a developer compares staging with production and sees the planted drift and findings", async ({ page }) => {
  await signInAs(page, "dev@example.com");
  await page.goto("/compare?from=staging&to=production");
  await expect(page.getByRole("heading", { name: "Compare", level: 1 })).toBeVisible();
  const checkout = page.locator("#svc-checkout");
  await expect(checkout.locator('[data-key="FEATURE_PAYPAL"]')).toHaveAttribute("data-status", "removed");
  // The seeded intended difference shows who marked it and why.
  await expect(page.locator("#svc-orders").locator('[data-key="ORDERS_EXPORT_BUCKET"]')).toContainText("Pat Platform");
  const findings = page.getByTestId("compare-findings");
  await expect(findings.locator('[data-kind="drift"]').filter({ hasText: "FEATURE_PAYPAL" })).toBeVisible();
  await expect(findings.locator('[data-kind="debug_logging"]')).toBeVisible();
  // A developer has no `full` on production: no way to mark anything.
  await expect(page.getByText("Mark intended")).toHaveCount(0);

  // Filters live in the URL.
  await page.getByLabel("Service").selectOption("checkout");
  await page.getByLabel("Only differences").check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/service=checkout/);
  await expect(page).toHaveURL(/only=1/);
  await expect(page.getByTestId("service-diff")).toHaveCount(1);
  await expect(page.locator('[data-status="identical"]')).toHaveCount(0);
});

test("platform marks a difference as intended and the parity score goes up", async ({ page }) => {
  await signInAs(page, "platform@example.com");
  await page.goto("/compare?from=staging&to=production&service=checkout");
  const score = async () => Number((await page.getByTestId("parity-checkout").innerText()).replace("%", ""));
  const before = await score();
  const row = page.locator('[data-key="FEATURE_PAYPAL"]');
  await row.locator("summary", { hasText: "Mark intended" }).click();
  await row.getByPlaceholder("Why is it on purpose?").fill("PayPal launches in production next quarter");
  await row.getByRole("button", { name: "Mark intended" }).click();
  await expect(row).toHaveAttribute("data-status", "intended");
  await expect(row).toContainText("Pat Platform");
  expect(await score()).toBeGreaterThan(before);
});

test("a full user edits a flag, sees the new version and history, and restores the old one", async ({ page }) => {
  await signInAs(page, "platform@example.com");
  await page.goto("/environments/production/services/checkout?layer=flag");
  const entry = page.getByTestId("layer-entry").filter({ hasText: "features.newCheckout" });
  await expect(entry).toContainText("v1");
  // One edit form at a time, opened by the entry's Edit link; the keyboard lands in its value field.
  await expect(page.getByRole("form", { name: /^Edit / })).toHaveCount(0);
  // The Edit link is a full page load. Until its scripts run, the value field takes no
  // typing and Save is off: hydration would reset the field to the old value, which would
  // then be saved as a new version. Hold the scripts back to see that state.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/_next/static/**/*.js", async (route) => (await held, route.continue()));
  await entry.getByRole("link", { name: "Edit features.newCheckout" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/edit=features\.newCheckout/);
  await expect(page.getByRole("form", { name: /^Edit / })).toHaveCount(1);
  await expect(entry.getByLabel("New value for features.newCheckout")).not.toBeEditable();
  await expect(entry.getByRole("button", { name: "Save" })).toBeDisabled();
  release();
  await expect(entry.getByLabel("New value for features.newCheckout")).toBeEditable();
  await expect(entry.getByLabel("New value for features.newCheckout")).toBeFocused();
  await entry.getByLabel("New value for features.newCheckout").fill("true");
  await entry.getByLabel("Comment (why)").fill("Launch day");
  await entry.getByRole("button", { name: "Save" }).click();
  await expect(entry.getByRole("status")).toContainText("version 2");
  await expect(page.getByTestId("effective-row").filter({ hasText: "features.newCheckout" })).toContainText("true");

  await entry.getByRole("link", { name: "History" }).click();
  const history = page.getByTestId("key-history");
  await expect(history.getByTestId("history-version")).toHaveCount(2);
  await expect(history.getByTestId("history-version").first()).toContainText("Launch day");
  await expect(history.getByTestId("history-version").first()).toContainText("Pat Platform");
  await history.getByRole("button", { name: "Restore v1" }).click();
  await expect(history.getByText("Restored as v3")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("key-history").getByTestId("history-version")).toHaveCount(3);
  await expect(page.getByTestId("key-history").getByTestId("history-version").first()).toContainText("Restored version 1");
  await expect(page.getByTestId("effective-row").filter({ hasText: "features.newCheckout" })).toContainText("false");
});

test("the effective table and a layer's entries come a page at a time, filtered by key, in the URL", async ({ page }) => {
  await signInAs(page, "platform@example.com");
  // staging/checkout: 18 keys, 7 of them environment variables. `per` lowers the page size (default 25).
  await page.goto("/environments/staging/services/checkout?per=5");
  const effective = page.getByTestId("effective-config");
  const rows = effective.getByTestId("effective-row");
  const pages = effective.getByRole("navigation", { name: "Effective configuration pages" });
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText("DATABASE_PASSWORD");
  await expect(effective.getByTestId("key-count")).toHaveText("18 keys");
  await expect(pages.getByTestId("page-range")).toHaveText("Showing 1–5 of 18 keys");
  await expect(pages.getByRole("link", { name: "← First page" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Next 5 →" }).click();
  await expect(page).toHaveURL(/after=FEATURE_PAYPAL/);
  await expect(page).toHaveURL(/per=5/);
  await expect(rows.first()).toContainText("LOG_LEVEL");
  await expect(pages.getByTestId("page-range")).toHaveText("Showing 6–10 of 18 keys");
  await pages.getByRole("link", { name: "Next 5 →" }).click();
  await expect(pages.getByTestId("page-range")).toHaveText("Showing 11–15 of 18 keys");
  await pages.getByRole("link", { name: "Next 5 →" }).click();
  await expect(pages.getByTestId("page-range")).toHaveText("Showing 16–18 of 18 keys");
  await expect(pages.getByRole("link", { name: "Next 5 →" })).toHaveCount(0);
  await pages.getByRole("link", { name: "← First page" }).click();
  await expect(rows.first()).toContainText("DATABASE_PASSWORD");
  // A page size beside the pager opens the first page at that size (all 18 fit: no pager).
  await pages.getByRole("link", { name: "50 keys per page" }).click();
  await expect(page).toHaveURL(/per=50/);
  await expect(rows).toHaveCount(18);
  await expect(pages).toHaveCount(0);
  await page.goto("/environments/staging/services/checkout?per=5");

  // The page opens on the effective configuration; a layer's entries and changes show once its tab is chosen.
  const layers = page.getByTestId("layers");
  await expect(layers.getByTestId("choose-layer")).toBeVisible();
  await expect(page.getByTestId("layer-entry")).toHaveCount(0);
  await expect(page.getByTestId("layer-history")).toHaveCount(0);
  await expect(layers.getByRole("link", { name: /Environment variable \(7\)/ })).not.toHaveAttribute("aria-current");
  // Setting a key and importing belong to a layer: they show with its tab.
  await expect(page.getByRole("form", { name: "Set a key" })).toHaveCount(0);
  await expect(page.getByTestId("import-panel")).toHaveCount(0);
  await expect(layers.getByRole("link", { name: "Set a key or import →" })).toHaveAttribute("href", /layer=flag.*#set-key$/);
  // The filter: part of a key name, any case; it applies to the layer's entries too and keeps the tab.
  await layers.getByRole("link", { name: /Environment variable/ }).click();
  await expect(layers.getByRole("link", { name: /Environment variable/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("layer-entry")).toHaveCount(5);
  await expect(page.getByTestId("layer-history")).toBeVisible();
  await expect(layers.getByTestId("choose-layer")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Set a key" }).getByLabel("Layer")).toHaveValue("env");
  await page.getByLabel("Filter keys").fill("POOL");
  await page.getByLabel("Filter keys").press("Enter");
  await expect(page).toHaveURL(/q=POOL/);
  await expect(page).toHaveURL(/layer=env/);
  await expect(rows).toHaveText([/DB_POOL_MAX/, /DB_POOL_MIN/, /database\.pool\.max/, /database\.pool\.min/]);
  await expect(effective.getByTestId("key-count")).toHaveText("4 of 18 keys match “POOL”");
  await expect(page.getByTestId("layer-entry")).toHaveText([/DB_POOL_MAX/, /DB_POOL_MIN/]);
  await expect(page.getByTestId("layer-count")).toContainText("2 of 7 entries match “POOL”");
  await page.getByLabel("Filter keys").fill("nothing-like-this");
  await page.getByLabel("Filter keys").press("Enter");
  await expect(effective).toContainText("No key matches “nothing-like-this”.");
  await effective.getByRole("link", { name: "Clear" }).click();
  await expect(effective.getByTestId("key-count")).toHaveText("18 keys");

  // The layer's entries page on their own cursor; the effective table stays where it was.
  await page.goto("/environments/staging/services/checkout?layer=env&per=5");
  await layers.getByRole("navigation", { name: "Environment variable layer pages" }).getByRole("link", { name: "Next 5 →" }).click();
  await expect(page).toHaveURL(/lafter=/);
  await expect(page.getByTestId("layer-entry")).toHaveCount(2);
  await expect(rows.first()).toContainText("DATABASE_PASSWORD");
  // Edit keeps the page: the form opens in place, for that key only.
  const last = page.getByTestId("layer-entry").last();
  await last.getByRole("link", { name: /^Edit / }).click();
  await expect(page).toHaveURL(/lafter=.*edit=/);
  await expect(last.getByRole("form", { name: /^Edit / })).toBeVisible();
  await last.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("form", { name: /^Edit / })).toHaveCount(0);

  // A link to a key (findings, compare) lands on the page that holds it.
  await page.goto("/environments/staging/services/checkout?per=5&key=server.timeout#key-server.timeout");
  await expect(page.locator("#key-server\\.timeout")).toBeVisible();
  await expect(pages.getByTestId("page-range")).toHaveText("Showing 16–18 of 18 keys");
  // A page size out of range falls back to the default.
  await page.goto("/environments/staging/services/checkout?per=100000");
  await expect(rows).toHaveCount(18);
});

test("a developer cannot edit production: not in the UI, not by a server action POST, not by the API", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "dev@example.com");
  await page.goto("/environments/production/services/checkout?layer=flag");
  await expect(page.getByText("read only")).toBeVisible();
  await expect(page.getByText("Edit features.newCheckout")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Set a key" })).toHaveCount(0);
  // Asking for the edit form in the URL shows none either.
  await page.goto("/environments/production/services/checkout?layer=flag&edit=features.newCheckout");
  await expect(page.getByTestId("layer-entry").filter({ hasText: "features.newCheckout" })).toBeVisible();
  await expect(page.getByRole("form", { name: /^Edit / })).toHaveCount(0);

  const value = () => withDb(async (c) => (await c.query(`select e.value, e.version from "ConfigEntry" e join "Service" s on s.id = e."serviceId" join "Environment" v on v.id = e."environmentId" where s.slug = 'checkout' and v.slug = 'production' and e.layer = 'flag' and e.key = 'features.newCheckout'`)).rows[0]);
  const before = await value();

  // The action exists (dev has full on development, so the page renders it there).
  await page.goto("/environments/development/services/checkout?layer=flag");
  await expect(page.getByRole("form", { name: "Set a key" })).toBeVisible();
  const action = discoverActions().find((a) => a.name === "saveEntryAction");
  expect(action).toBeTruthy();
  const session = await sessionFor(playwright, baseURL!, "dev@example.com");
  const res = await callAction(session, baseURL!, action!, [null, { env: "production", service: "checkout", layer: "flag", key: "features.newCheckout", value: "hacked", expectedVersion: String(before.version), comment: "" }]);
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("NOT_FOUND");
  await session.dispose();

  const api = await playwright.request.newContext({ baseURL });
  const post = await api.post("/api/v1/environments/production/services/checkout/config", {
    headers: { authorization: `Bearer ${USER_TOKENS["dev@example.com"]}` },
    data: { layer: "flag", entries: { "features.newCheckout": "hacked" }, mode: "merge" },
  });
  expect(post.status()).toBe(404);
  await api.dispose();
  expect(await value()).toEqual(before);
});

test("qa gets a 404 on development's config, page and API", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "qa@example.com");
  const res = await page.goto("/environments/development/services/checkout");
  expect(res?.status()).toBe(404);
  const api = await playwright.request.newContext({ baseURL });
  const get = await api.get("/api/v1/environments/development/services/checkout/config", { headers: { authorization: `Bearer ${USER_TOKENS["qa@example.com"]}` } });
  expect(get.status()).toBe(404);
  expect((await get.json()).error.code).toBe("NOT_FOUND");
  const cmp = await api.get("/api/v1/compare?from=development&to=staging", { headers: { authorization: `Bearer ${USER_TOKENS["qa@example.com"]}` } });
  expect(cmp.status()).toBe(404);
  await api.dispose();
});

test("import: a bad file names the line and changes nothing; a good one is previewed, then applied", async ({ page }) => {
  await signInAs(page, "dev@example.com");
  await page.goto("/environments/development/services/inventory?layer=env");
  const panel = page.getByTestId("import-panel");
  await panel.getByLabel("…or paste it").fill("PORT=3001\nPORT=3002\n");
  await panel.getByRole("button", { name: "Preview changes" }).click();
  await expect(panel.getByRole("alert")).toContainText('Line 2: Duplicate key "PORT"');
  await panel.getByLabel("…or paste it").fill("PORT=3001\nNEW_IMPORTED=yes\n");
  await panel.getByRole("button", { name: "Preview changes" }).click();
  await expect(panel.getByTestId("import-preview")).toContainText("1 added");
  await expect(panel.getByTestId("import-preview")).toContainText("1 changed");
  await panel.getByRole("button", { name: "Apply 2 changes" }).click();
  await expect(panel.getByRole("status")).toContainText("Imported: 1 added, 1 changed");
  await expect(page.getByTestId("effective-row").filter({ hasText: "NEW_IMPORTED" })).toBeVisible();
});

test("the environment page shows effective config with provenance and the findings; the overview lists findings", async ({ page }) => {
  await signInAs(page, "dev@example.com");
  await page.goto("/environments/production");
  await expect(page.getByTestId("precedence").first()).toContainText("flag");
  const search = page.getByTestId("service-config").filter({ hasText: "Search" });
  await search.locator("summary").first().click();
  await expect(search.getByRole("row").filter({ hasText: "LOG_LEVEL" })).toContainText("debug");
  await expect(page.getByTestId("environment-findings").locator('[data-kind="debug_logging"]')).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("overview-findings").getByTestId("finding").first()).toBeVisible();
});
