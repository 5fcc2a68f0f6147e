import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/auth";

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

test("platform requests staging → production, CI and QA sign off, platform2 approves; a developer cannot", async ({ browser }) => {
  test.setTimeout(900_000);
  // 1. platform (full on production) requests; developers only read production's logs.
  const platform = await as(browser, "platform@example.com");
  // Warm up next dev's on-demand compilation of the pages this flow visits.
  await platform.goto("/promotions/seed-promo-005");
  expect((await platform.goto("/promotions?tab=waiting"))?.status()).toBe(200);
  await platform.goto("/promotions/new");
  await platform.getByLabel("Service").selectOption({ label: "API gateway" });
  await platform.getByLabel("Path").selectOption({ label: "Staging → Production" });
  await expect(platform.getByTestId("source-version")).toContainText("deployed and healthy");
  await platform.getByLabel("Reason").fill("Release with the new rate limiter");
  await platform.getByLabel("Change ticket").fill("CHG-4242");
  await platform.getByLabel("Rollback plan").fill("Redeploy the previous version");
  await platform.getByRole("button", { name: "Request promotion" }).click();
  await expect(platform).toHaveURL(/\/promotions\/(?!new$)[a-z0-9]+$/, { timeout: 120_000 });
  await expect(platform.getByTestId("promotion-state")).toHaveText("Checking");
  const id = platform.url().split("/").pop()!;
  await expect(platform.getByTestId("gate-change_ticket")).toContainText("passed");
  await expect(platform.getByTestId("approvers")).toContainText("Priya Platform");

  // 2. CI reports its gates through the API (here with platform's session; tokens use the same endpoint).
  for (const gate of ["staging_tests", "e2e", "performance"]) {
    const res = await platform.request.post(`/api/v1/promotions/${id}/gates/${gate}`, { data: { status: "passed", evidenceUrl: `https://ci.example.com/runs/1/${gate}` } });
    expect(res.status()).toBe(200);
  }
  // Platform signs off what its role may record, in the UI.
  await platform.goto(`/promotions/${id}`);
  for (const gate of ["rollback_plan", "monitoring", "oncall"]) {
    await platform.getByTestId(`gate-${gate}`).getByRole("button", { name: "Sign off" }).click();
    await expect(platform.getByTestId(`gate-${gate}`)).toContainText("passed");
  }
  // Platform may not sign off QA.
  await expect(platform.getByTestId("gate-qa_signoff").getByRole("button", { name: "Sign off" })).toHaveCount(0);

  // 3. QA signs off.
  const qa = await as(browser, "qa@example.com");
  expect((await qa.goto("/promotions?tab=waiting"))?.status()).toBe(200);
  await expect(qa.getByRole("link", { name: /API gateway/ }).first()).toBeVisible({ timeout: 120_000 });
  await qa.goto(`/promotions/${id}`);
  await qa.getByTestId("gate-qa_signoff").getByRole("button", { name: "Sign off" }).click();
  await expect(qa.getByTestId("promotion-state")).toHaveText("Awaiting approval");

  // 4. A developer cannot approve: not in the UI, not through the API.
  const dev = await as(browser, "dev@example.com");
  await dev.goto(`/promotions/${id}`);
  await expect(dev.getByTestId("cannot-decide")).toContainText("Only platform approvers may approve");
  await expect(dev.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const denied = await dev.request.post(`/api/v1/promotions/${id}/approve`, { data: { comment: "self" } });
  expect(denied.status()).toBe(403);

  // 5. platform2 approves with a comment.
  const p2 = await as(browser, "platform2@example.com");
  await p2.goto("/promotions?tab=waiting");
  await expect(p2.getByTestId("waiting-count")).not.toHaveText("0");
  await p2.goto(`/promotions/${id}`);
  await p2.getByLabel("Comment").fill("Gates green, ticket linked.");
  await p2.getByRole("button", { name: "Approve" }).click();
  await expect(p2.getByTestId("promotion-state")).toHaveText("Approved");
  await expect(p2.getByTestId("approvals")).toContainText("Priya Platform");
  await expect(p2.getByTestId("timeline")).toContainText("Approved by Priya Platform: Gates green, ticket linked.");
  await p2.screenshot({ path: "/tmp/promotions-detail-approved.png", fullPage: true });
  await qa.goto("/promotions?tab=all");
  await qa.screenshot({ path: "/tmp/promotions-queue.png", fullPage: true });
  // The requester still cannot approve, and a second approval is refused with the outcome.
  const self = await platform.request.post(`/api/v1/promotions/${id}/approve`, { data: {} });
  expect(self.status()).toBe(403);
  const again = await p2.request.post(`/api/v1/promotions/${id}/approve`, { data: {} });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toMatch(/approved; it can no longer be approved/);
});

test("a platform engineer cannot approve their own promotion (UI and API)", async ({ browser }) => {
  const platform = await as(browser, "platform@example.com");
  await platform.goto("/promotions/seed-promo-005");
  await expect(platform.getByTestId("promotion-state")).toHaveText("Awaiting approval");
  await expect(platform.getByTestId("cannot-decide")).toContainText("You requested this promotion");
  const res = await platform.request.post("/api/v1/promotions/seed-promo-005/approve", { data: {} });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.message).toContain("You requested this promotion");
});

test("an executive gets a 404 for a production promotion; the API says NOT_FOUND", async ({ browser }) => {
  const exec = await as(browser, "exec@example.com");
  const res = await exec.goto("/promotions/seed-promo-005");
  expect(res?.status()).toBe(404);
  const api = await exec.request.post("/api/v1/promotions/seed-promo-005/approve", { data: {} });
  expect(api.status()).toBe(404);
});
