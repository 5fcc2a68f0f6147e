import { describe, expect, it } from "vitest";
import type { PromotionState } from "@/generated/prisma/enums";
import { PROMOTION_EVENTS, PROMOTION_STATES, statesAccepting, transition, type PromotionEvent } from "./promotion-state";

// The whole table written out: every (state, event) pair not listed here must be refused.
const ALLOWED: [PromotionState, PromotionEvent, PromotionState][] = [
  ["requested", "start_checks", "checking"],
  ["checking", "gates_passed", "awaiting_approval"],
  ["awaiting_approval", "gate_regressed", "checking"],
  ["approved", "gate_regressed", "checking"],
  ["awaiting_approval", "approve", "awaiting_approval"],
  ["awaiting_approval", "approve_final", "approved"],
  ["awaiting_approval", "auto_approve", "approved"],
  ["checking", "reject", "rejected"],
  ["awaiting_approval", "reject", "rejected"],
  ["requested", "cancel", "cancelled"],
  ["checking", "cancel", "cancelled"],
  ["awaiting_approval", "cancel", "cancelled"],
  ["approved", "cancel", "cancelled"],
  ["requested", "expire", "expired"],
  ["checking", "expire", "expired"],
  ["awaiting_approval", "expire", "expired"],
  ["approved", "start_deploy", "deploying"],
  ["deploying", "deploy_succeeded", "deployed"],
  ["deploying", "deploy_failed", "failed"],
  ["deploying", "roll_back", "rolled_back"],
  ["deployed", "roll_back", "rolled_back"],
  ["failed", "roll_back", "rolled_back"],
];

describe("promotion state machine: every state × event", () => {
  for (const state of PROMOTION_STATES) {
    for (const event of PROMOTION_EVENTS) {
      const row = ALLOWED.find(([s, e]) => s === state && e === event);
      it(`${state} --${event}--> ${row ? row[2] : "refused"}`, () => {
        expect(transition(state, event)).toBe(row ? row[2] : null);
      });
    }
  }

  it("statesAccepting matches the table", () => {
    for (const event of PROMOTION_EVENTS) {
      expect(statesAccepting(event).sort()).toEqual(ALLOWED.filter(([, e]) => e === event).map(([s]) => s).sort());
    }
  });

  it("no decision can happen after a deploy started, and nothing leaves rejected, cancelled, expired or rolled back", () => {
    for (const state of ["deploying", "deployed", "failed", "rolled_back", "rejected", "cancelled", "expired"] as const) {
      for (const event of ["approve", "approve_final", "auto_approve", "reject"] as const) expect(transition(state, event)).toBeNull();
    }
    for (const state of ["rejected", "cancelled", "expired", "rolled_back"] as const) {
      for (const event of PROMOTION_EVENTS) expect(transition(state, event)).toBeNull();
    }
  });
});
