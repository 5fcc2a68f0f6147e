// Platform adds a notification webhook on /settings (the secret is shown once), rolls a
// deployed promotion back on /promotions/[id], and a real receiver gets one signed POST;
// the settings page then shows the delivery as delivered.
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { withDb } from "../fixtures/db";
import { WebhookReceiver } from "../../tests/support/webhook-receiver";

const receiver = new WebhookReceiver();
test.beforeAll(() => receiver.start());
test.afterAll(() => receiver.stop());

/** A promotion of orders into production that was deployed an hour ago, with its deployment: this test's own data. */
async function deployedPromotion(): Promise<string> {
  const id = `e2e-rollback-${Date.now()}`;
  await withDb(async (c) => {
    const q = async (sql: string, args: unknown[] = []) => (await c.query(sql, args)).rows[0];
    const service = await q(`select id from "Service" where slug = 'orders'`);
    const staging = await q(`select id from "Environment" where slug = 'staging'`);
    const production = await q(`select id from "Environment" where slug = 'production'`);
    const requester = await q(`select id from "User" where email = 'platform2@example.com'`);
    await c.query(
      `insert into "Promotion" (id, "serviceId", "fromEnvironmentId", "toEnvironmentId", version, reason, state, "stateVersion", "requestedById", "decidedAt", "createdAt", "updatedAt")
       values ($1, $2, $3, $4, 'v7.7.7', 'Release for the rollback test', 'deployed', 6, $5, now() - interval '2 hours', now() - interval '3 hours', now())`,
      [id, service.id, staging.id, production.id, requester.id],
    );
    await c.query(`insert into "PromotionEvent" (id, "promotionId", type, "fromState", "toState", "actorId", message) values ($1, $2, 'transition', 'deploying', 'deployed', $3, 'Deploy succeeded')`, [`${id}-ev`, id, requester.id]);
    await c.query(
      `insert into "Deployment" (id, "serviceId", "environmentId", version, "commitSha", status, strategy, progress, "startedAt", "finishedAt", "triggeredBy", "promotionId", "updatedAt")
       values ($1, $2, $3, 'v7.7.7', $4, 'succeeded', 'rolling', 100, now() - interval '1 hour', now() - interval '50 minutes', 'platform2@example.com', $5, now())`,
      [`${id}-dep`, service.id, production.id, "c".repeat(40), id],
    );
  });
  return id;
}

test("platform adds a webhook, rolls back a deployed promotion, and the receiver gets one signed notification", async ({ page }) => {
  test.setTimeout(600_000);
  const id = await deployedPromotion();
  await signInAs(page, "platform@example.com");

  // 1. The webhook: only "Rolled back"; the secret is shown once.
  expect((await page.goto("/settings"))?.status()).toBe(200);
  const form = page.getByRole("form", { name: "Add a notification webhook" });
  await form.getByLabel("Name").fill("E2E receiver");
  await form.getByLabel("URL").fill(`${receiver.url}/parity`);
  for (const label of ["Requested", "Approval needed", "Approved", "Rejected", "Deployed", "Deploy failed"]) await form.getByLabel(label, { exact: true }).uncheck();
  await form.getByRole("button", { name: "Add webhook" }).click();
  const secret = (await page.getByTestId("new-endpoint-secret-value").textContent({ timeout: 120_000 }))!.trim();
  expect(secret).toMatch(/^whsec_/);
  const row = page.getByTestId("endpoint-row").filter({ hasText: "E2E receiver" });
  await expect(row).toContainText("Rolled back");
  await page.reload();
  await expect(page.getByTestId("endpoint-row").filter({ hasText: "E2E receiver" })).toContainText("sha256:");
  expect(await page.content()).not.toContain(secret);

  // 2. The rollback, with a confirmation step and a reason.
  await page.goto(`/promotions/${id}`);
  await expect(page.getByTestId("promotion-state")).toHaveText("Deployed", { timeout: 120_000 });
  await page.getByRole("button", { name: "Roll back…" }).click();
  const rollBack = page.getByRole("form", { name: "Roll back this promotion" });
  await rollBack.getByLabel("Reason for the rollback").fill("Checkout error rate doubled");
  await rollBack.getByRole("button", { name: "Confirm roll back" }).click();
  await expect(page.getByTestId("promotion-state")).toHaveText("Rolled back");
  await expect(page.getByTestId("timeline")).toContainText("Rolled back by Pat Platform: Checkout error rate doubled");
  await expect(page.getByTestId("timeline")).toContainText("Deployed → Rolled back");
  await expect(page.getByRole("button", { name: "Roll back…" })).toHaveCount(0);

  // 3. The receiver: exactly one POST, signed with the secret shown once.
  await expect.poll(() => receiver.to("/parity").length, { timeout: 60_000 }).toBe(1);
  const [got] = receiver.to("/parity");
  expect(got.headers["x-parity-event"]).toBe("promotion.rolled_back");
  expect(got.headers["x-parity-signature-256"]).toBe(`sha256=${createHmac("sha256", secret).update(got.body).digest("hex")}`);
  expect(JSON.parse(got.body)).toMatchObject({ event: "promotion.rolled_back", actor: { email: "platform@example.com" }, promotion: { id, service: "orders", version: "v7.7.7", source: "staging", target: "production", state: "rolled_back" } });
  const deliveryId = String(got.headers["x-parity-delivery"]);

  // 4. The deploy history agrees, and the settings page shows the delivery.
  expect(await withDb(async (c) => (await c.query(`select status from "Deployment" where id = $1`, [`${id}-dep`])).rows[0].status)).toBe("rolled_back");
  await page.goto("/settings");
  const delivery = page.getByTestId("notification-delivery").filter({ hasText: deliveryId });
  await expect(delivery).toContainText("delivered");
  await expect(delivery).toContainText("200");
});

test("a developer sees neither the webhooks nor a rollback button", async ({ page }) => {
  test.setTimeout(300_000);
  const id = await deployedPromotion();
  await signInAs(page, "dev@example.com");
  expect((await page.goto("/settings"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Notification webhooks" })).toHaveCount(0);
  await page.goto(`/promotions/${id}`);
  await expect(page.getByTestId("promotion-state")).toHaveText("Deployed", { timeout: 120_000 });
  await expect(page.getByRole("button", { name: "Roll back…" })).toHaveCount(0);
});
