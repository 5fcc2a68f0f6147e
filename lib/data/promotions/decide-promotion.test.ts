import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { verifyAuditChain } from "@/lib/data/audit/verify-audit-chain";
import { decidePromotion } from "./decide-promotion";
import { getPromotion } from "./get-promotion";
import { awaitingApproval, people, setPolicy } from "./test-helpers";

const approve = { decision: "approve" as const, comment: "ok" };
const reject = { decision: "reject" as const, comment: "not today" };

async function decisions(id: string) {
  return testDb.approval.findMany({ where: { promotionId: id }, select: { userId: true, decision: true, invalidatedAt: true } });
}

describe("decidePromotion", () => {
  it("platform2 approves dev's promotion: approved, one approval, timeline and audit", async () => {
    const id = await awaitingApproval("api-gateway");
    const r = await decidePromotion(await principalFor("platform2@example.com"), id, approve);
    expect(r).toMatchObject({ state: "approved", approvals: 1, required: 1 });
    expect(await decisions(id)).toHaveLength(1);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "promotion.approve_final" } });
    expect(audit.after).toMatchObject({ state: "approved", decision: "approve", comment: "ok" });
  });

  it("the requester cannot approve their own promotion (403 with a clear message); nothing recorded", async () => {
    const id = await awaitingApproval("payments", "platform@example.com");
    await expect(decidePromotion(await principalFor("platform@example.com"), id, approve)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You requested this promotion; another platform approver must approve it.",
    });
    expect(await decisions(id)).toHaveLength(0);
    await setPolicy("production", { allowSelfApproval: true });
    expect((await decidePromotion(await principalFor("platform@example.com"), id, approve)).state).toBe("approved");
  });

  it("QA and developers get 403 on production; an executive (dashboards only) gets 404", async () => {
    const id = await awaitingApproval("inventory");
    await expect(decidePromotion(await principalFor("qa@example.com"), id, approve)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only platform approvers may approve this promotion." });
    await expect(decidePromotion(await principalFor("dev2@example.com"), id, approve)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decidePromotion(await principalFor("cto@example.com"), id, approve)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decidePromotion(await principalFor("exec@example.com"), id, approve)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPromotion(await principalFor("exec@example.com"), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await decisions(id)).toHaveLength(0);
  });

  for (const n of [2, 5, 20, 50]) {
    it(`${n} approvers at once (×3): exactly one decision recorded, the rest CONFLICT, chain intact`, async () => {
      const approvers = await people("platform", n);
      for (const [round, service] of ["notifications", "user-profile", "recommendations"].entries()) {
        const id = await awaitingApproval(service, round === 1 ? "platform2@example.com" : "platform@example.com");
        const results = await Promise.allSettled(approvers.map((a) => decidePromotion(a, id, approve)));
        const won = results.filter((r) => r.status === "fulfilled");
        expect(won).toHaveLength(1);
        for (const r of results) if (r.status === "rejected") expect(r.reason.code).toBe("CONFLICT");
        expect(await decisions(id)).toHaveLength(1);
        const row = await testDb.promotion.findUniqueOrThrow({ where: { id }, select: { state: true, events: { where: { type: "transition", toState: "approved" } } } });
        expect(row.state).toBe("approved");
        expect(row.events).toHaveLength(1);
        expect(await testDb.auditEvent.count({ where: { targetId: id, action: { in: ["promotion.approve", "promotion.approve_final"] } } })).toBe(1);
      }
      expect((await verifyAuditChain()).ok).toBe(true);
    });
  }

  it("approvers racing rejectors (×5): one consistent outcome, one decision row matching it", async () => {
    const approvers = await people("platform", 6);
    const rejectors = await people("platform", 6);
    for (let round = 0; round < 5; round++) {
      const id = await awaitingApproval("search");
      const results = await Promise.allSettled([...approvers.map((a) => decidePromotion(a, id, approve)), ...rejectors.map((r) => decidePromotion(r, id, reject))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rows = await decisions(id);
      expect(rows).toHaveLength(1);
      const { state } = await testDb.promotion.findUniqueOrThrow({ where: { id }, select: { state: true } });
      expect(state).toBe(rows[0].decision === "approve" ? "approved" : "rejected");
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("no decision is lost: with 8 approvals required, 8 concurrent approvers are all recorded", async () => {
    await setPolicy("production", { approvalsRequired: 8 });
    const approvers = await people("platform", 8);
    const id = await awaitingApproval("orders");
    const results = await Promise.allSettled(approvers.map((a) => decidePromotion(a, id, approve)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await decisions(id)).toHaveLength(8);
    expect((await testDb.promotion.findUniqueOrThrow({ where: { id } })).state).toBe("approved");
    const progress = results.map((r) => (r as PromiseFulfilledResult<{ approvals: number }>).value.approvals).sort((a, b) => a - b);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("a reject needs the approver role too and ends the promotion", async () => {
    const [requester] = await people("platform", 1);
    const id = await awaitingApproval("auth", requester.email);
    await expect(decidePromotion(await principalFor("dev2@example.com"), id, reject)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await decidePromotion(await principalFor("platform@example.com"), id, reject)).state).toBe("rejected");
    await expect(decidePromotion(await principalFor("platform2@example.com"), id, approve)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/rejected; it can no longer be approved/) });
  });
});
