// The promotion state machine (PRODUCT.md "Promotion rules") as one pure table.
// The DAL asks `transition(state, event)` for the next state and then applies it
// with a single guarded UPDATE (expected state + stateVersion), so the database
// enforces the same table under concurrency.
import type { PromotionState } from "@/generated/prisma/enums";

export const PROMOTION_STATES: readonly PromotionState[] = [
  "requested",
  "checking",
  "awaiting_approval",
  "approved",
  "deploying",
  "deployed",
  "rejected",
  "failed",
  "rolled_back",
  "cancelled",
  "expired",
];

export const PROMOTION_EVENTS = [
  "start_checks", // gates created: requested → checking
  "gates_passed", // every stored gate passed or waived
  "gate_regressed", // a gate failed or reopened after the checks were green
  "approve", // an approval that does not yet reach the quota (stays)
  "approve_final", // the approval that reaches the quota
  "auto_approve", // the policy approves automatically (development → staging)
  "reject",
  "cancel",
  "expire",
  "start_deploy",
  "deploy_succeeded",
  "deploy_failed",
  "roll_back",
] as const;

export type PromotionEvent = (typeof PROMOTION_EVENTS)[number];

const TABLE: Record<PromotionEvent, Partial<Record<PromotionState, PromotionState>>> = {
  start_checks: { requested: "checking" },
  gates_passed: { checking: "awaiting_approval" },
  gate_regressed: { awaiting_approval: "checking", approved: "checking" },
  approve: { awaiting_approval: "awaiting_approval" },
  approve_final: { awaiting_approval: "approved" },
  auto_approve: { awaiting_approval: "approved" },
  reject: { checking: "rejected", awaiting_approval: "rejected" },
  cancel: { requested: "cancelled", checking: "cancelled", awaiting_approval: "cancelled", approved: "cancelled" },
  expire: { requested: "expired", checking: "expired", awaiting_approval: "expired" },
  start_deploy: { approved: "deploying" },
  deploy_succeeded: { deploying: "deployed" },
  deploy_failed: { deploying: "failed" },
  roll_back: { deploying: "rolled_back", deployed: "rolled_back", failed: "rolled_back" },
};

/** The next state, or null when `event` is not allowed in `state`. */
export function transition(state: PromotionState, event: PromotionEvent): PromotionState | null {
  return TABLE[event][state] ?? null;
}

/** States an event may start from (for guarded updates and error messages). */
export function statesAccepting(event: PromotionEvent): PromotionState[] {
  return Object.keys(TABLE[event]) as PromotionState[];
}

/** Still moving towards a decision: the queue's "open" promotions. */
export const OPEN_STATES: readonly PromotionState[] = ["requested", "checking", "awaiting_approval", "approved", "deploying"];

export function isOpen(state: PromotionState): boolean {
  return OPEN_STATES.includes(state);
}

/** Gates may be reported until the deploy starts. */
export const GATE_REPORTABLE_STATES: readonly PromotionState[] = ["requested", "checking", "awaiting_approval", "approved"];

export const STATE_LABEL: Record<PromotionState, string> = {
  requested: "Requested",
  checking: "Checking",
  awaiting_approval: "Awaiting approval",
  approved: "Approved",
  deploying: "Deploying",
  deployed: "Deployed",
  rejected: "Rejected",
  failed: "Failed",
  rolled_back: "Rolled back",
  cancelled: "Cancelled",
  expired: "Expired",
};

export const STATE_TONE: Record<PromotionState, "neutral" | "good" | "warn" | "bad" | "info"> = {
  requested: "neutral",
  checking: "info",
  awaiting_approval: "warn",
  approved: "good",
  deploying: "info",
  deployed: "good",
  rejected: "bad",
  failed: "bad",
  rolled_back: "bad",
  cancelled: "neutral",
  expired: "neutral",
};
