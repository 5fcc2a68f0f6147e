// Readiness: what a promotion still needs (gates, approvals, the window) and what
// a given person may do about it. Pure: the DAL gathers the facts and enforces the
// same answers inside its guarded transactions.
import type { PromotionKind, PromotionState, Role, Decision } from "@/generated/prisma/enums";
import { blockingGates, type GateState } from "./gates";
import { checkWindow, type DeployWindow, type WindowCheck } from "./deploy-window";
import { transition } from "./promotion-state";

export interface PolicyRules {
  approverRoles: readonly Role[];
  approvalsRequired: number;
  allowSelfApproval: boolean;
  autoApprove: boolean;
  hotfixAllowed: boolean;
  hotfixApproverRoles: readonly Role[];
  hotfixApprovalsRequired: number;
}

export interface PromotionFacts {
  kind: PromotionKind;
  state: PromotionState;
  requestedById: string;
  gates: readonly GateState[];
}

export interface ApprovalFact {
  userId: string;
  decision: Decision;
  invalidatedAt: Date | null;
}

export interface Viewer {
  userId: string | null;
  roles: readonly Role[];
}

export type Verdict = { ok: true } | { ok: false; code: "FORBIDDEN" | "CONFLICT"; message: string };

const ROLE_NAMES: Record<Role, string> = { developer: "developer", qa: "QA", platform: "platform", executive: "executive", eng_leader: "eng leader" };
const list = (roles: readonly Role[]) => roles.map((r) => ROLE_NAMES[r]).join(" or ");

/** Which roles approve this promotion and how many distinct approvals it needs. */
export function approvalRule(kind: PromotionKind, p: PolicyRules): { roles: readonly Role[]; required: number; automatic: boolean } {
  if (kind === "hotfix") return { roles: p.hotfixApproverRoles, required: Math.max(1, p.hotfixApprovalsRequired), automatic: false };
  const automatic = p.autoApprove || p.approvalsRequired === 0;
  return { roles: p.approverRoles, required: automatic ? 0 : p.approvalsRequired, automatic };
}

export function validApprovals(approvals: readonly ApprovalFact[]): ApprovalFact[] {
  return approvals.filter((a) => a.decision === "approve" && a.invalidatedAt === null);
}

/** Whether `viewer` may approve or reject right now; the reason when not. */
export function mayDecide(decision: Decision, viewer: Viewer, promo: PromotionFacts, policy: PolicyRules, approvals: readonly ApprovalFact[]): Verdict {
  const rule = approvalRule(promo.kind, policy);
  if (!viewer.userId) return { ok: false, code: "FORBIDDEN", message: "Only a person can approve or reject; CI tokens report gates." };
  if (rule.roles.length === 0) return { ok: false, code: "FORBIDDEN", message: "This promotion is approved automatically once its gates are green." };
  if (!rule.roles.some((r) => viewer.roles.includes(r))) {
    return { ok: false, code: "FORBIDDEN", message: `Only ${list(rule.roles)} approvers may ${decision} ${promo.kind === "hotfix" ? "a hotfix" : "this promotion"}.` };
  }
  if (viewer.userId === promo.requestedById && !policy.allowSelfApproval) {
    return { ok: false, code: "FORBIDDEN", message: `You requested this promotion; another ${list(rule.roles)} approver must ${decision} it.` };
  }
  const event = decision === "approve" ? "approve_final" : "reject";
  if (transition(promo.state, event) === null) {
    if (promo.state === "checking" && decision === "approve") {
      const blocking = blockingGates(promo.gates).map((g) => g.gate);
      return { ok: false, code: "CONFLICT", message: `Gates must be green before approving; still blocking: ${blocking.join(", ") || "none"}.` };
    }
    return { ok: false, code: "CONFLICT", message: `This promotion is ${promo.state.replace(/_/g, " ")}; it can no longer be ${decision === "approve" ? "approved" : "rejected"}.` };
  }
  if (approvals.some((a) => a.userId === viewer.userId && a.invalidatedAt === null)) {
    return { ok: false, code: "CONFLICT", message: "You already recorded your decision on this promotion." };
  }
  return { ok: true };
}

export interface Candidate {
  id: string;
  name: string;
  roles: readonly Role[];
}

/** People who could still approve: the policy's roles, minus the requester (unless allowed) and those who decided. */
export function eligibleApprovers<C extends Candidate>(candidates: readonly C[], promo: PromotionFacts, policy: PolicyRules, approvals: readonly ApprovalFact[]): C[] {
  const rule = approvalRule(promo.kind, policy);
  const decided = new Set(approvals.filter((a) => a.invalidatedAt === null).map((a) => a.userId));
  return candidates.filter(
    (c) => c.roles.some((r) => rule.roles.includes(r)) && (policy.allowSelfApproval || c.id !== promo.requestedById) && !decided.has(c.id),
  );
}

export interface Readiness {
  blocking: GateState[];
  approvals: { valid: number; required: number; automatic: boolean; roles: readonly Role[] };
  /** null when the window does not apply (hotfix) */
  window: WindowCheck | null;
  /** A one-line summary of what it waits for. */
  summary: string;
  deploy: Verdict;
}

export function readiness(promo: PromotionFacts, policy: PolicyRules, approvals: readonly ApprovalFact[], window: DeployWindow, now: Date): Readiness {
  const rule = approvalRule(promo.kind, policy);
  const blocking = blockingGates(promo.gates);
  const valid = validApprovals(approvals).length;
  const win = promo.kind === "hotfix" ? null : checkWindow(window, now);
  const deploy = mayStartDeploy(promo, win);
  const waits: string[] = [];
  if (blocking.length) waits.push(`${blocking.length} gate${blocking.length === 1 ? "" : "s"}`);
  if (!rule.automatic && valid < rule.required && ["requested", "checking", "awaiting_approval"].includes(promo.state)) waits.push(`${rule.required - valid} approval${rule.required - valid === 1 ? "" : "s"}`);
  if (win && !win.open && ["approved", "awaiting_approval", "checking"].includes(promo.state)) waits.push("the deploy window");
  return {
    blocking,
    approvals: { valid, required: rule.required, automatic: rule.automatic, roles: rule.roles },
    window: win,
    summary: waits.length ? `Waiting on ${waits.join(", ")}` : promo.state === "approved" ? "Ready to deploy" : "Nothing blocking",
    deploy,
  };
}

/** Deploys start only from approved, and (except hotfixes) inside the window. */
export function mayStartDeploy(promo: Pick<PromotionFacts, "state" | "kind">, window: WindowCheck | null): Verdict {
  if (transition(promo.state, "start_deploy") === null) return { ok: false, code: "CONFLICT", message: `Only an approved promotion can be deployed; this one is ${promo.state.replace(/_/g, " ")}.` };
  if (promo.kind !== "hotfix" && window && !window.open) {
    const until = window.opensAt ? ` until ${window.opensAt.toISOString()}` : "";
    if (window.reason === "freeze") return { ok: false, code: "CONFLICT", message: `Deploys are frozen (${window.freeze?.reason ?? "no reason given"})${until}.` };
    return { ok: false, code: "CONFLICT", message: `Outside the deploy window: deploys are blocked${until}.` };
  }
  return { ok: true };
}
