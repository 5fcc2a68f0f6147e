import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { decidePromotion } from "./decide-promotion";
import { reportGate } from "./report-gate";
import { waiveGate } from "./waive-gate";
import { cancelPromotion } from "./cancel-promotion";
import { startDeploy } from "./start-deploy";
import { finishDeploy } from "./finish-deploy";
import { expireStalePromotions } from "./expire-stale";
import { listPromotions } from "./list-promotions";
import { countWaitingOn } from "./count-waiting-on";
import { requestPromotion } from "./request-promotion";
import { awaitingApproval, ciToken, healthy, people, setPolicy } from "./test-helpers";

const approve = { decision: "approve" as const, comment: "" };
const WED_11 = new Date("2026-11-25T11:00:00Z");
const FRI_11 = new Date("2026-11-27T11:00:00Z");

describe("gates", () => {
  it("a gate failing after an approval invalidates it and sends the promotion back to checking", async () => {
    await setPolicy("production", { approvalsRequired: 2 });
    const [requester] = await people("platform", 1);
    const id = await awaitingApproval("api-gateway", requester.email);
    await decidePromotion(await principalFor("platform2@example.com"), id, approve);
    const r = await reportGate(await ciToken(), id, "performance", { status: "failed", detail: "p99 900ms" });
    expect(r.state).toBe("checking");
    const [a] = await testDb.approval.findMany({ where: { promotionId: id } });
    expect(a.invalidatedAt).not.toBeNull();
    // Green again: back to awaiting approval with zero valid approvals; the same person may approve again.
    expect((await reportGate(await ciToken(), id, "performance", { status: "passed" })).state).toBe("awaiting_approval");
    expect((await decidePromotion(await principalFor("platform2@example.com"), id, approve)).approvals).toBe(1);
    expect((await decidePromotion(await principalFor("platform@example.com"), id, approve)).state).toBe("approved");
    expect((await reportGate(await ciToken(), id, "e2e", { status: "failed" })).state).toBe("checking");
    expect(await testDb.approval.count({ where: { promotionId: id, invalidatedAt: null } })).toBe(0);
    await setPolicy("production", { approvalsRequired: 1 });
  });

  it("sign-offs by role: qa signs QA off, a developer may not, platform records rollback plan; CI tokens need gates:write", async () => {
    await healthy("payments", "staging");
    const p = await requestPromotion(await principalFor("platform@example.com"), { service: "payments", from: "staging", to: "production", kind: "standard", reason: "Release" });
    await expect(reportGate(await principalFor("dev@example.com"), p.id, "qa_signoff", { status: "passed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reportGate(await principalFor("qa@example.com"), p.id, "qa_signoff", { status: "passed", detail: "Regression suite signed off" });
    await reportGate(await principalFor("platform@example.com"), p.id, "rollback_plan", { status: "passed" });
    await expect(reportGate(await ciToken(["read"]), p.id, "e2e", { status: "passed" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/gates:write/) });
    await expect(reportGate(await ciToken(), p.id, "window", { status: "passed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportGate(await ciToken(), p.id, "nonsense", { status: "passed" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const gates = await testDb.gate.findMany({ where: { promotionId: p.id, status: "passed" }, select: { gate: true, reporter: true } });
    expect(gates).toEqual(expect.arrayContaining([{ gate: "qa_signoff", reporter: "qa@example.com" }, { gate: "rollback_plan", reporter: "platform@example.com" }]));
  });

  it("waivers: platform (not the requester) waives with a reason; it counts as green", async () => {
    await healthy("inventory", "staging");
    const p = await requestPromotion(await principalFor("platform2@example.com"), { service: "inventory", from: "staging", to: "production", kind: "standard", reason: "Release", changeTicket: "CHG-9" });
    await testDb.gate.updateMany({ where: { promotionId: p.id, gate: { notIn: ["window", "performance"] } }, data: { status: "passed" } });
    await expect(waiveGate(await principalFor("qa@example.com"), p.id, "performance", "no load test env")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await waiveGate(await principalFor("platform@example.com"), p.id, "performance", "Load test env is down; change is a copy fix");
    expect(r.state).toBe("awaiting_approval");
    const g = await testDb.gate.findFirstOrThrow({ where: { promotionId: p.id, gate: "performance" } });
    expect(g).toMatchObject({ status: "waived", waivedReason: "Load test env is down; change is a copy fix" });
  });
});

describe("deploys and the window", () => {
  it("an approved standard promotion cannot deploy outside the window and says until when; inside it can", async () => {
    const id = await awaitingApproval("notifications");
    await decidePromotion(await principalFor("platform2@example.com"), id, approve);
    await expect(startDeploy(await principalFor("platform@example.com"), id, FRI_11)).rejects.toMatchObject({ code: "CONFLICT", message: "Outside the deploy window: deploys are blocked until 2026-11-30T10:00:00.000Z." });
    await expect(startDeploy(await principalFor("dev@example.com"), id, WED_11)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await startDeploy(await principalFor("platform@example.com"), id, WED_11);
    expect(r.state).toBe("deploying");
    expect((await testDb.gate.findFirstOrThrow({ where: { promotionId: id, gate: "window" } })).status).toBe("passed");
    expect((await finishDeploy(await principalFor("platform@example.com"), id, "succeeded")).state).toBe("deployed");
    expect(await testDb.deployment.findUniqueOrThrow({ where: { id: r.deploymentId } })).toMatchObject({ status: "succeeded", promotionId: id });
  });

  it("a freeze blocks with its reason", async () => {
    const id = await awaitingApproval("user-profile");
    await decidePromotion(await principalFor("platform2@example.com"), id, approve);
    const prod = await testDb.environment.findUniqueOrThrow({ where: { slug: "production" } });
    await testDb.freezePeriod.create({ data: { environmentId: prod.id, startsAt: new Date("2026-11-25T00:00:00Z"), endsAt: new Date("2026-11-26T00:00:00Z"), reason: "Black Friday" } });
    await expect(startDeploy(await principalFor("platform@example.com"), id, WED_11)).rejects.toMatchObject({ message: "Deploys are frozen (Black Friday) until 2026-11-26T10:00:00.000Z." });
  });

  it("a hotfix outside the window: approved by an eng leader, deployed on a Friday, flagged for review", async () => {
    await healthy("recommendations", "staging");
    await testDb.promotion.updateMany({ where: { service: { slug: "recommendations" } }, data: { state: "deployed" } });
    const p = await requestPromotion(await principalFor("platform@example.com"), { service: "recommendations", from: "staging", to: "production", kind: "hotfix", severity: "critical", reason: "Checkout broken for EU cards" });
    await expect(decidePromotion(await principalFor("platform2@example.com"), p.id, approve)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only eng leader approvers may approve a hotfix." });
    expect((await decidePromotion(await principalFor("cto@example.com"), p.id, approve)).state).toBe("approved");
    expect((await startDeploy(await principalFor("platform2@example.com"), p.id, FRI_11)).state).toBe("deploying");
    expect((await testDb.promotion.findUniqueOrThrow({ where: { id: p.id } })).flaggedForReview).toBe(true);
  });

  it("only the requester cancels, and not after the deploy started", async () => {
    const id = await awaitingApproval("search");
    await expect(cancelPromotion(await principalFor("dev2@example.com"), id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await cancelPromotion(await principalFor("platform@example.com"), id, "wrong version")).state).toBe("cancelled");
    await expect(cancelPromotion(await principalFor("platform@example.com"), id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("expiry and the queue", () => {
  it("expires stale requests (once, audited, by the system) when the queue is read", async () => {
    const id = await awaitingApproval("orders");
    await testDb.promotion.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await listPromotions(await principalFor("dev@example.com"), { tab: "mine", limit: 5 });
    const row = await testDb.promotion.findUniqueOrThrow({ where: { id }, select: { state: true } });
    expect(row.state).toBe("expired");
    expect(await testDb.auditEvent.count({ where: { targetId: id, action: "promotion.expire", actorLabel: "system" } })).toBe(1);
    expect(await expireStalePromotions()).toBe(0);
  });

  it("waiting on me: platform2 sees approvals it may give, qa sees QA sign-offs; the requester does not see their own", async () => {
    const id = await awaitingApproval("auth", "platform@example.com");
    const p2 = await listPromotions(await principalFor("platform2@example.com"), { tab: "waiting", limit: 100 });
    expect(p2.items.map((i) => i.id)).toContain(id);
    // Approvals, and the rollback plan / monitoring / on-call sign-offs platform may record.
    expect(p2.items.every((i) => ["checking", "awaiting_approval"].includes(i.state))).toBe(true);
    const p1 = await listPromotions(await principalFor("platform@example.com"), { tab: "waiting", limit: 100 });
    expect(p1.items.map((i) => i.id)).not.toContain(id);
    expect(await countWaitingOn(await principalFor("platform2@example.com"))).toBe(p2.items.length);
    const qa = await listPromotions(await principalFor("qa@example.com"), { tab: "waiting", limit: 100 });
    expect(qa.items.length).toBeGreaterThan(0);
    expect(qa.items.every((i) => ["checking", "awaiting_approval"].includes(i.state))).toBe(true);
    expect(await countWaitingOn(await principalFor("exec@example.com"))).toBe(0);
    expect(await countWaitingOn(await ciToken())).toBe(0);
  });

  it("keyset pages cover every visible promotion exactly once; executives see no production promotions", async () => {
    const dev = await principalFor("dev@example.com");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPromotions(dev, { tab: "all", limit: 4, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await testDb.promotion.count());
    const exec = await listPromotions(await principalFor("exec@example.com"), { tab: "all", limit: 100 });
    expect(exec.items.every((i) => i.toEnvironment.slug === "staging")).toBe(true);
  });
});
