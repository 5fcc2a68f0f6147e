import "server-only";
import type { Tx } from "@/lib/db";
import type { PromotionKind, PromotionState } from "@/generated/prisma/enums";
import type { Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { transition, type PromotionEvent } from "@/lib/domain/promotion-state";
import { gatesGreen, type GateState } from "@/lib/domain/gates";
import { approvalRule, type PolicyRules } from "@/lib/domain/readiness";
import { eventForTransition } from "@/lib/domain/notifications";
import { enqueuePromotionNotification } from "@/lib/data/notifications/enqueue";
import type { SYSTEM_ACTOR } from "./promotion-scope";

export interface PromotionRef {
  id: string;
  state: PromotionState;
  stateVersion: number;
  toEnvironmentId: string;
  kind: PromotionKind;
}

export type Actor = Pick<Principal, "userId" | "email"> | typeof SYSTEM_ACTOR;

/** Lost an optimistic race: the caller re-reads and tries again (or reports CONFLICT). */
export class RaceLost extends AppError {
  constructor() {
    super("CONFLICT", "Someone else changed this promotion at the same moment. Reload to see where it stands now.");
  }
}

interface Move {
  event: PromotionEvent;
  actor: Actor;
  message: string;
  data?: { decidedAt?: Date; flaggedForReview?: boolean };
  audit?: Record<string, unknown>;
  /** false: announce nothing (gates passed on a policy that approves automatically: no approval is needed). */
  notify?: boolean;
}

/**
 * One atomic, guarded transition: the UPDATE only matches when the promotion is
 * still in the state (and stateVersion) the caller read, so of two concurrent
 * callers exactly one wins and the other gets RaceLost. The timeline event, the
 * audit event and the outgoing notifications (the outbox) are written in the same
 * transaction.
 */
export async function guardedMove(tx: Tx, p: PromotionRef, move: Move): Promise<PromotionRef> {
  const to = transition(p.state, move.event);
  if (!to) throw new AppError("CONFLICT", `A promotion that is ${p.state.replace(/_/g, " ")} cannot ${move.event.replace(/_/g, " ")}.`);
  const result = await tx.promotion.updateMany({
    where: { id: p.id, state: p.state, stateVersion: p.stateVersion },
    data: { state: to, stateVersion: { increment: 1 }, ...move.data },
  });
  if (result.count === 0) throw new RaceLost();
  await tx.promotionEvent.create({
    data: { promotionId: p.id, type: to === p.state ? move.event : "transition", fromState: p.state, toState: to, actorId: move.actor.userId, message: move.message },
  });
  await writeAudit(tx, {
    actor: move.actor,
    action: `promotion.${move.event}`,
    targetType: "promotion",
    targetId: p.id,
    environmentId: p.toEnvironmentId,
    before: { state: p.state, stateVersion: p.stateVersion },
    after: { state: to, stateVersion: p.stateVersion + 1, ...move.audit },
  });
  const event = move.notify === false ? null : eventForTransition(p.state, to);
  if (event) await enqueuePromotionNotification(tx, { event, promotionId: p.id, actor: move.actor });
  return { ...p, state: to, stateVersion: p.stateVersion + 1 };
}

/** A change that keeps the state (a gate report, a waiver) still takes the promotion's version, so it serialises with decisions. */
export async function guardedTouch(tx: Tx, p: PromotionRef): Promise<PromotionRef> {
  const result = await tx.promotion.updateMany({ where: { id: p.id, state: p.state, stateVersion: p.stateVersion }, data: { stateVersion: { increment: 1 } } });
  if (result.count === 0) throw new RaceLost();
  return { ...p, stateVersion: p.stateVersion + 1 };
}

/** After gates change: checking → awaiting approval when green, then → approved when the policy approves automatically. */
export async function advance(tx: Tx, p: PromotionRef, gates: readonly GateState[], rules: PolicyRules, actor: Actor): Promise<PromotionRef> {
  let cur = p;
  const automatic = approvalRule(cur.kind, rules).automatic;
  if (cur.state === "checking" && gatesGreen(gates)) {
    cur = await guardedMove(tx, cur, { event: "gates_passed", actor, message: "All gates are green", notify: !automatic });
  }
  if (cur.state === "awaiting_approval" && automatic) {
    cur = await guardedMove(tx, cur, { event: "auto_approve", actor, message: "Approved automatically by the policy", data: { decidedAt: new Date() } });
  }
  return cur;
}

/** Runs `attempt` again (it re-reads) when it lost a race; at most `times` times. */
export async function retryOnRace<T>(attempt: () => Promise<T>, times = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const unique = (error as { code?: string })?.code === "P2002";
      if (!(error instanceof RaceLost || unique) || i >= times) throw unique ? new RaceLost() : error;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
    }
  }
}
