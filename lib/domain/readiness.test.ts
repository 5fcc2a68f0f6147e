import { describe, expect, it } from "vitest";
import type { PromotionState, Role } from "@/generated/prisma/enums";
import { PROMOTION_STATES } from "./promotion-state";
import { approvalRule, eligibleApprovers, mayDecide, mayStartDeploy, readiness, type ApprovalFact, type PolicyRules, type PromotionFacts } from "./readiness";
import type { DeployWindow } from "./deploy-window";

const production: PolicyRules = { approverRoles: ["platform"], approvalsRequired: 1, allowSelfApproval: false, autoApprove: false, hotfixAllowed: true, hotfixApproverRoles: ["eng_leader"], hotfixApprovalsRequired: 1 };
const staging: PolicyRules = { ...production, approverRoles: [], approvalsRequired: 0, autoApprove: true };
const promo = (over: Partial<PromotionFacts> = {}): PromotionFacts => ({ kind: "standard", state: "awaiting_approval", requestedById: "dev", gates: [], ...over });
const viewer = (userId: string, roles: Role[]) => ({ userId, roles });
const window: DeployWindow = { days: [1, 2, 3, 4], start: "10:00", end: "14:00", timeZone: "Europe/London", freezes: [] };

// [case, decision, viewer, promotion, policy, approvals, expected ok or error code]
const DECIDE: [string, "approve" | "reject", ReturnType<typeof viewer>, PromotionFacts, PolicyRules, ApprovalFact[], true | "FORBIDDEN" | "CONFLICT"][] = [
  ["platform approves a standard production promotion", "approve", viewer("p2", ["platform"]), promo(), production, [], true],
  ["platform rejects it", "reject", viewer("p2", ["platform"]), promo(), production, [], true],
  ["the requester cannot approve their own", "approve", viewer("dev", ["platform"]), promo(), production, [], "FORBIDDEN"],
  ["the requester cannot reject their own either (cancel instead)", "reject", viewer("dev", ["platform"]), promo(), production, [], "FORBIDDEN"],
  ["…unless the policy allows self-approval", "approve", viewer("dev", ["platform"]), promo(), { ...production, allowSelfApproval: true }, [], true],
  ["qa cannot approve production", "approve", viewer("qa", ["qa"]), promo(), production, [], "FORBIDDEN"],
  ["a developer cannot approve production", "approve", viewer("dev2", ["developer"]), promo(), production, [], "FORBIDDEN"],
  ["an executive cannot approve production", "approve", viewer("exec", ["executive"]), promo(), production, [], "FORBIDDEN"],
  ["an eng leader cannot approve a standard promotion", "approve", viewer("cto", ["eng_leader"]), promo(), production, [], "FORBIDDEN"],
  ["an eng leader approves a hotfix", "approve", viewer("cto", ["eng_leader"]), promo({ kind: "hotfix" }), production, [], true],
  ["platform cannot approve a hotfix", "approve", viewer("p2", ["platform"]), promo({ kind: "hotfix" }), production, [], "FORBIDDEN"],
  ["a CI token cannot decide", "approve", { userId: null, roles: [] } as unknown as ReturnType<typeof viewer>, promo(), production, [], "FORBIDDEN"],
  ["nobody approves an automatic policy by hand", "approve", viewer("p2", ["platform"]), promo(), staging, [], "FORBIDDEN"],
  ["not while gates are pending", "approve", viewer("p2", ["platform"]), promo({ state: "checking", gates: [{ gate: "e2e", status: "pending" }] }), production, [], "CONFLICT"],
  ["but a reject is fine while checking", "reject", viewer("p2", ["platform"]), promo({ state: "checking" }), production, [], true],
  ["twice by the same person", "approve", viewer("p2", ["platform"]), promo(), { ...production, approvalsRequired: 2 }, [{ userId: "p2", decision: "approve", invalidatedAt: null }], "CONFLICT"],
  ["again after a gate failure invalidated the first", "approve", viewer("p2", ["platform"]), promo(), production, [{ userId: "p2", decision: "approve", invalidatedAt: new Date() }], true],
];

describe("mayDecide", () => {
  for (const [name, decision, v, p, policy, approvals, expected] of DECIDE) {
    it(name, () => {
      const r = mayDecide(decision, v, p, policy, approvals);
      expect(r.ok ? true : r.code).toBe(expected);
    });
  }
  const decidable = { approve: ["awaiting_approval"], reject: ["checking", "awaiting_approval"] };
  for (const decision of ["approve", "reject"] as const) {
    for (const state of PROMOTION_STATES) {
      const ok = decidable[decision].includes(state);
      it(`${decision} in ${state} → ${ok ? "allowed" : "CONFLICT"}`, () => {
        const r = mayDecide(decision, viewer("p2", ["platform"]), promo({ state: state as PromotionState }), production, []);
        expect(r.ok ? true : r.code).toBe(ok ? true : "CONFLICT");
      });
    }
  }
  it("says who may approve", () => {
    const r = mayDecide("approve", viewer("qa", ["qa"]), promo(), production, []);
    expect(r.ok ? "" : r.message).toBe("Only platform approvers may approve this promotion.");
    const self = mayDecide("approve", viewer("dev", ["platform"]), promo(), production, []);
    expect(self.ok ? "" : self.message).toMatch(/You requested this promotion/);
  });
});

describe("approvalRule / eligibleApprovers", () => {
  it("hotfixes need at least one eng leader even if the policy says 0", () => {
    expect(approvalRule("hotfix", { ...production, hotfixApprovalsRequired: 0 })).toMatchObject({ roles: ["eng_leader"], required: 1 });
    expect(approvalRule("standard", staging)).toMatchObject({ required: 0, automatic: true });
  });
  it("lists approvers by role, without the requester or those who decided", () => {
    const people = [
      { id: "dev", name: "Dana", roles: ["developer", "platform"] as Role[] },
      { id: "p1", name: "Pat", roles: ["platform"] as Role[] },
      { id: "p2", name: "Priya", roles: ["platform"] as Role[] },
      { id: "qa", name: "Quinn", roles: ["qa"] as Role[] },
    ];
    expect(eligibleApprovers(people, promo(), production, [{ userId: "p1", decision: "approve", invalidatedAt: null }]).map((c) => c.name)).toEqual(["Priya"]);
  });
});

describe("readiness", () => {
  const wed11 = new Date("2026-11-25T11:00:00Z");
  const fri11 = new Date("2026-11-27T11:00:00Z");
  it("summarises gates, approvals and the window", () => {
    const r = readiness(promo({ state: "checking", gates: [{ gate: "e2e", status: "failed" }, { gate: "window", status: "pending" }] }), production, [], window, fri11);
    expect(r.blocking.map((g) => g.gate)).toEqual(["e2e"]);
    expect(r.summary).toBe("Waiting on 1 gate, 1 approval, the deploy window");
    expect(r.window).toMatchObject({ open: false, opensAt: new Date("2026-11-30T10:00:00Z") });
  });
  it("approved inside the window is ready to deploy; outside it is blocked with the time", () => {
    expect(readiness(promo({ state: "approved" }), production, [{ userId: "p2", decision: "approve", invalidatedAt: null }], window, wed11)).toMatchObject({ summary: "Ready to deploy", deploy: { ok: true } });
    const blocked = readiness(promo({ state: "approved" }), production, [], window, fri11).deploy;
    expect(blocked.ok ? "" : blocked.message).toBe("Outside the deploy window: deploys are blocked until 2026-11-30T10:00:00.000Z.");
  });
  it("a hotfix skips the window", () => {
    const r = readiness(promo({ state: "approved", kind: "hotfix" }), production, [], window, fri11);
    expect(r.window).toBeNull();
    expect(r.deploy.ok).toBe(true);
  });
  it("a freeze blocks with its reason", () => {
    const frozen = { ...window, freezes: [{ startsAt: new Date("2026-11-25T00:00:00Z"), endsAt: new Date("2026-11-26T00:00:00Z"), reason: "Black Friday" }] };
    const d = mayStartDeploy({ state: "approved", kind: "standard" }, readiness(promo({ state: "approved" }), production, [], frozen, wed11).window);
    expect(d.ok ? "" : d.message).toMatch(/frozen \(Black Friday\) until 2026-11-26T10:00:00.000Z/);
  });
});
