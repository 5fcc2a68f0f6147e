// Outgoing promotion webhooks end to end: real Postgres, a real HTTP receiver, the
// real sender. Backoff is shortened (the policy is a parameter), nothing is mocked.
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { principalFor, testDb } from "@/tests/support/db";
import { WebhookReceiver, type Received } from "@/tests/support/webhook-receiver";
import { drainNotifications, startNotificationWorker, stopNotificationWorker } from "@/lib/integrations/notifications/worker";
import { guardedMove } from "@/lib/data/promotions/apply-transition";
import { decidePromotion } from "@/lib/data/promotions/decide-promotion";
import { requestPromotion } from "@/lib/data/promotions/request-promotion";
import { reportGate } from "@/lib/data/promotions/report-gate";
import { awaitingApproval, ciToken, healthy, people } from "@/lib/data/promotions/test-helpers";
import type { NotificationEvent } from "@/lib/domain/notifications";
import { createNotificationEndpoint } from "./create-endpoint";
import { listNotificationEndpoints } from "./list-endpoints";
import { listNotificationDeliveries } from "./list-deliveries";
import { updateNotificationEndpoint } from "./update-endpoint";
import { deleteNotificationEndpoint } from "./delete-endpoint";
import { sendTestNotification } from "./send-test";
import { pruneDeliveries } from "./outbox";

const receiver = new WebhookReceiver();
const FAST = { retry: { maxAttempts: 5, baseDelayMs: 20 }, timeoutMs: 1_000 };
const approve = { decision: "approve" as const, comment: "ship it" };

beforeAll(() => receiver.start());
afterAll(() => receiver.stop());
beforeEach(async () => {
  receiver.reset();
  await testDb.notificationEndpoint.deleteMany();
});

async function endpoint(events: NotificationEvent[], path = "/hook", name = `receiver ${path}`) {
  return createNotificationEndpoint(await principalFor("platform@example.com"), { name, url: `${receiver.url}${path}`, events, enabled: true });
}

/** platform requests staging → production for `service` (closing whatever is open for it first). */
async function request(service: string) {
  await healthy(service, "staging");
  await testDb.promotion.updateMany({ where: { service: { slug: service }, state: { in: ["requested", "checking", "awaiting_approval", "approved", "deploying"] } }, data: { state: "deployed" } });
  return requestPromotion(await principalFor("platform@example.com"), { service, from: "staging", to: "production", kind: "standard", reason: "Release" });
}

/** Runs the sender until nothing is pending (or ~5 s pass). */
async function drainAll() {
  for (let i = 0; i < 100; i++) {
    await drainNotifications(FAST);
    if ((await testDb.notificationDelivery.count({ where: { status: "pending" } })) === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("deliveries still pending");
}

function validSignature(secret: string, r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(r.body).digest("hex")}`);
  const given = Buffer.from(String(r.headers["x-parity-signature-256"] ?? ""));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe("endpoints", () => {
  it("platform creates one: the secret comes back once, never in a listing or the audit trail", async () => {
    const created = await endpoint(["promotion.approved"], "/services/T000/B000/abcdefghijkl", "Slack #deploys");
    expect(created.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const [listed] = await listNotificationEndpoints(await principalFor("platform2@example.com"));
    expect(listed).toMatchObject({ id: created.id, fingerprint: created.fingerprint, events: ["promotion.approved"], enabled: true });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    // The URL is a credential for Slack and Teams: shown masked.
    expect(listed.url).toBe(`${receiver.url}/…ijkl`);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: "notification_endpoint.create" } });
    const snapshot = JSON.stringify([audit.before, audit.after]);
    expect(snapshot).not.toContain(created.secret);
    expect(snapshot).not.toContain("abcdefghijkl");
    expect(audit.after).toMatchObject({ fingerprint: created.fingerprint, events: ["promotion.approved"] });
  });

  it("developers, QA, executives and CI tokens cannot create, change, test, list or delete them", async () => {
    const own = await endpoint(["promotion.approved"]);
    const input = { name: "mine", url: "https://hooks.example.com/x", events: ["promotion.approved" as const], enabled: true };
    for (const email of ["dev@example.com", "qa@example.com", "exec@example.com", "cto@example.com"]) {
      const p = await principalFor(email);
      await expect(createNotificationEndpoint(p, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateNotificationEndpoint(p, { ...input, id: own.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sendTestNotification(p, own.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteNotificationEndpoint(p, own.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listNotificationEndpoints(p)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listNotificationDeliveries(p)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const platform = await principalFor("platform@example.com");
    await expect(createNotificationEndpoint({ ...platform, kind: "token", userId: null, scopes: ["*"] }, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.notificationEndpoint.findMany({ select: { id: true, name: true, version: true } })).toEqual([{ id: own.id, name: "receiver /hook", version: 1 }]);
    expect(await testDb.notificationDelivery.count()).toBe(0);
  });

  it("updates are version-guarded and keep the URL when it is left blank; deletes are audited", async () => {
    const created = await endpoint(["promotion.approved"]);
    const platform = await principalFor("platform@example.com");
    await updateNotificationEndpoint(platform, { id: created.id, version: 1, name: "Slack #deploys", events: ["promotion.deployed", "promotion.failed"], enabled: false });
    await expect(updateNotificationEndpoint(platform, { id: created.id, version: 1, name: "late", events: ["promotion.deployed"], enabled: true })).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await testDb.notificationEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "Slack #deploys", url: `${receiver.url}/hook`, events: ["promotion.deployed", "promotion.failed"], enabled: false, version: 2 });
    await deleteNotificationEndpoint(platform, created.id);
    await expect(deleteNotificationEndpoint(platform, created.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const actions = await testDb.auditEvent.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["notification_endpoint.create", "notification_endpoint.update", "notification_endpoint.delete"]);
  });
});

describe("delivery", () => {
  it("an approval produces exactly one signed delivery with the promotion's facts", async () => {
    const id = await awaitingApproval("api-gateway");
    const { secret } = await endpoint(["promotion.approved"]);
    await decidePromotion(await principalFor("platform2@example.com"), id, approve);
    const rows = await testDb.notificationDelivery.findMany({ where: { promotionId: id } });
    expect(rows).toHaveLength(1);
    await drainAll();

    expect(receiver.received).toHaveLength(1);
    const [r] = receiver.received;
    expect(validSignature(secret, r)).toBe(true);
    expect(validSignature("whsec_some-other-secret", r)).toBe(false);
    expect(r.headers).toMatchObject({ "content-type": "application/json", "x-parity-event": "promotion.approved", "x-parity-delivery": rows[0].id });
    expect(Number(r.headers["x-parity-timestamp"])).toBe(Math.floor(rows[0].createdAt.getTime() / 1000));
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({
      event: "promotion.approved",
      actor: { email: "platform2@example.com" },
      promotion: { id, url: expect.stringMatching(new RegExp(`/promotions/${id}$`)), service: "api-gateway", version: "v9.9.9", source: "staging", target: "production", state: "approved", kind: "standard" },
    });
    expect(new Date(body.timestamp).getTime()).toBe(rows[0].createdAt.getTime());
    expect(body.text).toContain("API gateway v9.9.9 Staging → Production approved");
    const [delivered] = await listNotificationDeliveries(await principalFor("platform@example.com"));
    expect(delivered).toMatchObject({ id: rows[0].id, status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null });
  });

  it("a receiver that fails twice gets it on the 3rd attempt, with the same delivery id and bytes", async () => {
    const { secret } = await endpoint(["promotion.requested"]);
    receiver.answer("/hook", 503, { status: 500 });
    const p = await request("payments");
    const first = await drainNotifications(FAST);
    expect(first).toEqual({ delivered: 0, retry: 1, failed: 0 });
    expect(await testDb.notificationDelivery.findFirstOrThrow({ where: { promotionId: p.id } })).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503, lastError: expect.stringContaining("503") });
    await drainAll();

    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers["x-parity-delivery"]));
    expect(ids.size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received.every((r) => validSignature(secret, r))).toBe(true);
    const row = await testDb.notificationDelivery.findFirstOrThrow({ where: { promotionId: p.id } });
    expect(row).toMatchObject({ id: [...ids][0], status: "delivered", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ event: "promotion.requested", promotion: { state: "requested" } });
  });

  it("gives up after the last attempt; a redirect or a 4xx is not retried and not followed", async () => {
    const other = new WebhookReceiver();
    await other.start();
    try {
      await endpoint(["promotion.requested"], "/down");
      await endpoint(["promotion.requested"], "/gone");
      const moved = await endpoint(["promotion.requested"], "/moved");
      await testDb.notificationEndpoint.update({ where: { id: moved.id }, data: { url: `${other.url}/moved` } });
      receiver.answer("/down", ...Array.from({ length: 6 }, () => 502));
      receiver.answer("/gone", 410);
      other.answer("/moved", { status: 302, headers: { location: `${receiver.url}/stolen` } });
      const p = await request("inventory");
      await drainAll();
      const rows = await testDb.notificationDelivery.findMany({ where: { promotionId: p.id }, include: { endpoint: { select: { name: true } } } });
      const by = (name: string) => rows.find((r) => r.endpoint.name === name);
      expect(by("receiver /down")).toMatchObject({ status: "failed", attempts: 5, lastStatusCode: 502 });
      expect(by("receiver /gone")).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 410, lastError: "HTTP 410 Gone" });
      expect(by("receiver /moved")).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 302, lastError: `Redirects are not followed (to ${receiver.url})` });
      expect(receiver.to("/down")).toHaveLength(5);
      expect(receiver.to("/stolen")).toHaveLength(0);
      expect(other.received).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it("a receiver that does not answer in time is an attempt that failed, retried later", async () => {
    await endpoint(["promotion.requested"]);
    receiver.answer("/hook", { status: 200, delayMs: 1_500 });
    const p = await request("checkout");
    const r = await drainNotifications({ ...FAST, timeoutMs: 300 });
    expect(r).toEqual({ delivered: 0, retry: 1, failed: 0 });
    expect(await testDb.notificationDelivery.findFirstOrThrow({ where: { promotionId: p.id } })).toMatchObject({ lastStatusCode: null, lastError: "No answer within 300 ms" });
    await drainAll();
    expect(await testDb.notificationDelivery.findFirstOrThrow({ where: { promotionId: p.id } })).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("a rolled-back transition leaves nothing to send", async () => {
    const id = await awaitingApproval("inventory");
    await endpoint(["promotion.approved", "promotion.rejected"]);
    const p = await testDb.promotion.findUniqueOrThrow({ where: { id }, select: { id: true, state: true, stateVersion: true, toEnvironmentId: true, kind: true } });
    await expect(
      db().$transaction(async (tx) => {
        await guardedMove(tx, p, { event: "approve_final", actor: await principalFor("platform2@example.com"), message: "Approved" });
        expect(await tx.notificationDelivery.count({ where: { promotionId: id } })).toBe(1); // written, not yet committed
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect(await testDb.notificationDelivery.count({ where: { promotionId: id } })).toBe(0);
    expect((await testDb.promotion.findUniqueOrThrow({ where: { id } })).state).toBe("awaiting_approval");
    await drainNotifications(FAST);
    expect(receiver.received).toHaveLength(0);
  });

  it("eight approvers racing on a one-approval promotion: one decision, one notification", async () => {
    const id = await awaitingApproval("user-profile");
    await endpoint(["promotion.approved"]);
    const approvers = await people("platform", 8);
    const results = await Promise.allSettled(approvers.map((a) => decidePromotion(a, id, approve)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await drainAll();
    expect(receiver.received).toHaveLength(1);
  });

  it("only subscribed, enabled endpoints get an event; automatic approval does not announce 'approval needed'", async () => {
    const enabled = await endpoint(["promotion.awaiting_approval", "promotion.approved"], "/on");
    const off = await endpoint(["promotion.awaiting_approval", "promotion.approved"], "/off");
    await updateNotificationEndpoint(await principalFor("platform@example.com"), { id: off.id, version: 1, name: "off", events: ["promotion.awaiting_approval", "promotion.approved"], enabled: false });
    // development → staging approves automatically once the gates are green.
    await healthy("search", "development");
    await testDb.promotion.updateMany({ where: { service: { slug: "search" }, state: { in: ["requested", "checking", "awaiting_approval", "approved", "deploying"] } }, data: { state: "deployed" } });
    const p = await requestPromotion(await principalFor("dev@example.com"), { service: "search", from: "development", to: "staging", kind: "standard", reason: "Release" });
    const [last, ...others] = await testDb.gate.findMany({ where: { promotionId: p.id }, orderBy: { gate: "asc" } });
    await testDb.gate.updateMany({ where: { id: { in: others.map((g) => g.id) } }, data: { status: "passed" } });
    expect((await reportGate(await ciToken(), p.id, last.gate, { status: "passed" })).state).toBe("approved");
    const rows = await testDb.notificationDelivery.findMany({ where: { promotionId: p.id }, select: { event: true, endpointId: true } });
    expect(rows).toEqual([{ event: "promotion.approved", endpointId: enabled.id }]);
  });

  it("send test queues a ping, even to a disabled endpoint, signed like the rest", async () => {
    const created = await endpoint(["promotion.deployed"]);
    const platform = await principalFor("platform@example.com");
    await updateNotificationEndpoint(platform, { id: created.id, version: 1, name: "paused", events: ["promotion.deployed"], enabled: false });
    const { deliveryId } = await sendTestNotification(platform, created.id);
    await drainAll();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers).toMatchObject({ "x-parity-event": "ping", "x-parity-delivery": deliveryId });
    expect(validSignature(created.secret, receiver.received[0])).toBe(true);
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ event: "ping", promotion: null, actor: { email: "platform@example.com" } });
  });

  it("the background worker (as instrumentation.ts starts it) sends without being asked", async () => {
    const created = await endpoint(["promotion.deployed"]);
    expect(startNotificationWorker({ ...FAST, pollMs: 50 })).toBe(true);
    expect(startNotificationWorker({ ...FAST, pollMs: 50 })).toBe(false); // one per process
    try {
      receiver.answer("/hook", 503);
      await sendTestNotification(await principalFor("platform@example.com"), created.id);
      await expect.poll(() => testDb.notificationDelivery.findFirst({ where: { endpointId: created.id }, select: { status: true, attempts: true } }), { timeout: 10_000 }).toEqual({ status: "delivered", attempts: 2 });
      expect(receiver.received).toHaveLength(2);
    } finally {
      await stopNotificationWorker();
    }
  });

  it("finished deliveries older than 30 days are forgotten; pending ones are kept", async () => {
    const created = await endpoint(["promotion.deployed"]);
    const old = new Date(Date.now() - 31 * 86_400_000);
    await testDb.notificationDelivery.createMany({
      data: (["delivered", "failed", "pending"] as const).map((status) => ({ endpointId: created.id, event: "ping", body: "{}", status, createdAt: old, nextAttemptAt: new Date(Date.now() + 3_600_000) })),
    });
    expect(await pruneDeliveries()).toBe(2);
    expect(await testDb.notificationDelivery.findMany({ where: { endpointId: created.id }, select: { status: true } })).toEqual([{ status: "pending" }]);
  });
});
