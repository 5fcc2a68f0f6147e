import { describe, expect, it } from "vitest";
import { envId, principalFor, testDb } from "@/tests/support/db";
import { requestPromotion } from "./request-promotion";
import { reportGate } from "./report-gate";
import { getPromotion } from "./get-promotion";
import { ciToken, healthy, setPolicy } from "./test-helpers";

const base = { from: "staging", to: "production", kind: "standard" as const, reason: "Release 9.9.9" };

describe("requestPromotion", () => {
  it("platform (full on production) requests staging → production: checking, with the policy's gates, audited, on the timeline", async () => {
    const dev = await principalFor("platform@example.com");
    const version = await healthy("api-gateway", "staging", "v2.0.0");
    const p = await requestPromotion(dev, { ...base, service: "api-gateway", changeTicket: "CHG-77" });
    expect(p.state).toBe("checking");
    const row = await testDb.promotion.findUniqueOrThrow({ where: { id: p.id }, include: { gates: true, events: true } });
    expect(row.version).toBe(version);
    expect(row.gates.map((g) => g.gate).sort()).toEqual(["change_ticket", "e2e", "monitoring", "oncall", "performance", "qa_signoff", "rollback_plan", "staging_tests", "window"]);
    expect(row.gates.find((g) => g.gate === "change_ticket")?.status).toBe("passed");
    expect(row.events.map((e) => e.type)).toEqual(["requested", "transition"]);
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(72 * 3_600_000);
    const audit = await testDb.auditEvent.findMany({ where: { targetId: p.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["promotion.request", "promotion.start_checks"]);
  });

  it("refuses a version that is not the healthy one, and a source whose latest deploy failed", async () => {
    const dev = await principalFor("platform@example.com");
    await healthy("payments", "staging", "v3.0.0");
    await expect(requestPromotion(dev, { ...base, service: "payments", version: "v2.9.0" })).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { version: [expect.stringMatching(/runs v3.0.0/)] } });
    const s = await testDb.service.findUniqueOrThrow({ where: { slug: "payments" } });
    await testDb.deployment.create({ data: { serviceId: s.id, environmentId: await envId("staging"), version: "v3.1.0", commitSha: "b".repeat(40), status: "failed", strategy: "rolling", startedAt: new Date(Date.now() + 1000), triggeredBy: "t" } });
    await expect(requestPromotion(dev, { ...base, service: "payments" })).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { version: [expect.stringMatching(/failed, not healthy/)] } });
  });

  it("one open promotion per service and target, even when requested concurrently", async () => {
    const dev = await principalFor("platform@example.com");
    await healthy("inventory", "staging");
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => requestPromotion(dev, { ...base, service: "inventory" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT")).toBe(true);
  });

  it("who may request: read + deploy or full on the target; an executive may not; a developer (read logs on production) may not; qa can't see development", async () => {
    await healthy("notifications", "staging");
    await expect(requestPromotion(await principalFor("dev@example.com"), { ...base, service: "notifications" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/read \+ deploy or full access to Production/) });
    await expect(requestPromotion(await principalFor("qa@example.com"), { ...base, service: "notifications" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestPromotion(await principalFor("exec@example.com"), { ...base, service: "notifications" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await healthy("notifications", "development");
    await expect(requestPromotion(await principalFor("qa@example.com"), { ...base, service: "notifications", from: "development", to: "staging" })).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { from: [expect.stringMatching(/not found/)] } });
    await expect(requestPromotion(await principalFor("dev@example.com"), { ...base, service: "notifications", from: "development", to: "production" })).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { to: [expect.stringMatching(/not the next/)] } });
  });

  it("development → staging is approved automatically once CI turns its gates green", async () => {
    const dev = await principalFor("dev@example.com");
    await healthy("user-profile", "development");
    const p = await requestPromotion(dev, { ...base, service: "user-profile", from: "development", to: "staging" });
    const ci = await ciToken();
    expect((await reportGate(ci, p.id, "tests", { status: "passed" })).state).toBe("checking");
    expect((await reportGate(ci, p.id, "code_review", { status: "passed" })).state).toBe("checking");
    expect((await reportGate(ci, p.id, "security_scan", { status: "passed", evidenceUrl: "https://ci.example.com/scan/1" })).state).toBe("approved");
    const detail = await getPromotion(dev, p.id);
    expect(detail.timeline.map((e) => e.toState ?? e.type)).toEqual(["requested", "checking", "gate", "gate", "gate", "awaiting_approval", "approved"]);
    expect(detail.approvals).toEqual([]);
  });

  it("a hotfix needs the policy to allow it, skips the window gate and is flagged for review", async () => {
    const platform = await principalFor("platform@example.com");
    await healthy("recommendations", "staging");
    const p = await requestPromotion(platform, { ...base, service: "recommendations", kind: "hotfix", severity: "critical", reason: "Checkout broken for EU cards" });
    const row = await testDb.promotion.findUniqueOrThrow({ where: { id: p.id }, include: { gates: true } });
    expect(row.flaggedForReview).toBe(true);
    expect(row.gates).toEqual([]);
    expect(p.state).toBe("awaiting_approval");
    await setPolicy("production", { hotfixAllowed: false });
    await healthy("search", "development");
    await expect(requestPromotion(platform, { ...base, service: "recommendations", kind: "hotfix", severity: "critical", reason: "Another one here" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});
