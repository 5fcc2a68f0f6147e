import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { createNotificationEndpoint } from "@/lib/data/notifications/create-endpoint";
import { decidePromotion } from "./decide-promotion";
import { startDeploy } from "./start-deploy";
import { finishDeploy } from "./finish-deploy";
import { getPromotion } from "./get-promotion";
import { rollBackPromotion } from "./roll-back-promotion";
import { awaitingApproval } from "./test-helpers";

const WED_11 = new Date("2026-11-25T11:00:00Z");
const reason = "Error rate doubled after the release";

/** staging → production for `service`, approved, deployed inside the window: state deployed. */
async function deployed(service: string) {
  const id = await awaitingApproval(service);
  await decidePromotion(await principalFor("platform2@example.com"), id, { decision: "approve", comment: "" });
  const { deploymentId } = await startDeploy(await principalFor("platform@example.com"), id, WED_11);
  await finishDeploy(await principalFor("platform@example.com"), id, "succeeded");
  return { id, deploymentId };
}

describe("rollBackPromotion", () => {
  it("platform (full on production) rolls a deployed promotion back: state, deploy, timeline, audit and notification in one change", async () => {
    await createNotificationEndpoint(await principalFor("platform@example.com"), { name: "ops", url: "http://127.0.0.1:9/hook", events: ["promotion.rolled_back"], enabled: true });
    const { id, deploymentId } = await deployed("api-gateway");
    const platform = await principalFor("platform2@example.com");
    expect((await getPromotion(platform, id)).viewer.rollBack).toBe(true);
    expect(await rollBackPromotion(platform, id, `  ${reason}  `)).toEqual({ id, state: "rolled_back" });

    expect(await testDb.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { status: true } })).toEqual({ status: "rolled_back" });
    const view = await getPromotion(platform, id);
    expect(view.state).toBe("rolled_back");
    expect(view.viewer.rollBack).toBe(false);
    expect(view.timeline.at(-1)).toMatchObject({ type: "transition", fromState: "deployed", toState: "rolled_back", message: `Rolled back by Priya Platform: ${reason}`, actor: "Priya Platform" });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "promotion.roll_back" } });
    expect(audit).toMatchObject({ actorLabel: "platform2@example.com", before: { state: "deployed" }, after: { state: "rolled_back", reason, deploymentsRolledBack: 1, deploymentsAborted: 0 } });
    const deliveries = await testDb.notificationDelivery.findMany({ where: { promotionId: id }, select: { event: true, body: true } });
    expect(deliveries.map((d) => d.event)).toEqual(["promotion.rolled_back"]);
    expect(JSON.parse(deliveries[0].body)).toMatchObject({ actor: { email: "platform2@example.com" }, promotion: { id, state: "rolled_back", target: "production" } });
  });

  it("wrong state is a CONFLICT (and rolling back twice too); nothing changes", async () => {
    const waiting = await awaitingApproval("payments");
    const platform = await principalFor("platform2@example.com");
    await expect(rollBackPromotion(platform, waiting, reason)).rejects.toMatchObject({ code: "CONFLICT", message: "This promotion is awaiting approval; only a promotion that is deploying, deployed, failed can be rolled back." });
    expect((await getPromotion(platform, waiting)).viewer.rollBack).toBe(false);
    const { id } = await deployed("inventory");
    await rollBackPromotion(platform, id, reason);
    await expect(rollBackPromotion(platform, id, reason)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.auditEvent.count({ where: { targetId: { in: [waiting, id] }, action: "promotion.roll_back" } })).toBe(1);
  });

  it("without full access to the target: 403 when the promotion is visible, 404 when it is not; a reason is required", async () => {
    const { id } = await deployed("checkout");
    // A developer and QA see production's deploys (read (logs) / read) but may not change them.
    for (const email of ["dev@example.com", "qa@example.com", "cto@example.com"]) {
      const p = await principalFor(email);
      expect((await getPromotion(p, id)).viewer.rollBack).toBe(false);
      await expect(rollBackPromotion(p, id, reason)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Rolling back needs full access to the target environment." });
    }
    // An executive has dashboards only on production: the promotion does not exist for them.
    await expect(rollBackPromotion(await principalFor("exec@example.com"), id, reason)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rollBackPromotion(await principalFor("platform@example.com"), id, "oops")).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { reason: [expect.any(String)] } });
    expect((await testDb.promotion.findUniqueOrThrow({ where: { id } })).state).toBe("deployed");
  });

  it("a deploy still in progress can be rolled back: its deployment is marked failed", async () => {
    const id = await awaitingApproval("notifications");
    await decidePromotion(await principalFor("platform2@example.com"), id, { decision: "approve", comment: "" });
    const { deploymentId } = await startDeploy(await principalFor("platform@example.com"), id, WED_11);
    expect((await rollBackPromotion(await principalFor("platform@example.com"), id, "Canary alarms fired")).state).toBe("rolled_back");
    expect(await testDb.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { status: true, finishedAt: true } })).toMatchObject({ status: "failed", finishedAt: expect.any(Date) });
  });
});
