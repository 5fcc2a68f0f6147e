import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { PromotionKind, PromotionState } from "@/generated/prisma/enums";
import type { Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { auditEventFields } from "@/lib/data/audit/write-audit";
import { requestSeal } from "@/lib/data/audit/audit-sealer";
import { requestMeta } from "@/lib/request-context";
import { transition, type PromotionEvent } from "@/lib/domain/promotion-state";
import { gatesGreen, type GateState } from "@/lib/domain/gates";
import { approvalRule, type PolicyRules } from "@/lib/domain/readiness";
import { eventForTransition, promotionBody, type PromotionFacts } from "@/lib/domain/notifications";
import { enqueuePromotionNotification, publicBaseUrl } from "@/lib/data/notifications/enqueue";
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

/** Optional parts of a move that go into the same statement. */
interface MoveExtras {
  /** The promotion's facts for the notification body; without them the outbox row is written by a second statement (needs a transaction). */
  facts?: Omit<PromotionFacts, "state">;
  /** A decision recorded with the move (a re-decision after an invalidated approval replaces the old row). */
  approval?: { userId: string; decision: "approve" | "reject"; comment: string };
}

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;

/**
 * One atomic, guarded transition in ONE statement: the UPDATE only matches when the
 * promotion is still in the state (and stateVersion) the caller read, so of two
 * concurrent callers exactly one wins and the other gets RaceLost; the timeline event,
 * the audit event, the outgoing notifications (the outbox) and, for a decision, the
 * approval are inserted by the same statement from the UPDATE's result, so they exist
 * exactly when the move happened. A single statement is atomic on its own: `client`
 * may be the pool (one round trip, no transaction) or the caller's transaction.
 */
export async function guardedMove(client: Db | Tx, p: PromotionRef, move: Move, extras: MoveExtras = {}): Promise<PromotionRef> {
  const to = transition(p.state, move.event);
  if (!to) throw new AppError("CONFLICT", `A promotion that is ${p.state.replace(/_/g, " ")} cannot ${move.event.replace(/_/g, " ")}.`);
  const now = new Date();
  const audit = auditEventFields(
    {
      actor: move.actor,
      action: `promotion.${move.event}`,
      targetType: "promotion",
      targetId: p.id,
      environmentId: p.toEnvironmentId,
      before: { state: p.state, stateVersion: p.stateVersion },
      after: { state: to, stateVersion: p.stateVersion + 1, ...move.audit },
    },
    await requestMeta(),
  );
  const event = move.notify === false ? null : eventForTransition(p.state, to);
  const notifyInline = event && extras.facts;
  const sets = [Prisma.sql`"state" = ${to}::"PromotionState"`, Prisma.sql`"stateVersion" = "stateVersion" + 1`, Prisma.sql`"updatedAt" = ${ts(now)}`];
  if (move.data?.decidedAt) sets.push(Prisma.sql`"decidedAt" = ${ts(move.data.decidedAt)}`);
  if (move.data?.flaggedForReview !== undefined) sets.push(Prisma.sql`"flaggedForReview" = ${move.data.flaggedForReview}`);
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  const [{ moved }] = await client.$queryRaw<{ moved: number }[]>`
    with moved as (
      update "Promotion" set ${Prisma.join(sets, ", ")}
      where id = ${p.id} and state = ${p.state}::"PromotionState" and "stateVersion" = ${p.stateVersion}
      returning id
    ), timeline as (
      insert into "PromotionEvent" (id, "promotionId", type, "fromState", "toState", "actorId", message, "createdAt")
      select ${randomUUID()}, id, ${to === p.state ? move.event : "transition"}, ${p.state}::"PromotionState", ${to}::"PromotionState", ${move.actor.userId}, ${move.message}, ${ts(now)} from moved
    ), audit as (
      insert into "AuditEvent" ("createdAt", "actorId", "actorLabel", action, "targetType", "targetId", "environmentId", before, after, "requestId", ip)
      select date_trunc('milliseconds', clock_timestamp() at time zone 'UTC'), ${audit.actorId}, ${audit.actorLabel}, ${audit.action}, ${audit.targetType}, ${audit.targetId},
             ${audit.environmentId}, ${json(audit.before)}::jsonb, ${json(audit.after)}::jsonb, ${audit.requestId}, ${audit.ip} from moved
    )${
      notifyInline
        ? Prisma.sql`, outbox as (
      insert into "NotificationDelivery" (id, "endpointId", event, "promotionId", body, "createdAt", "nextAttemptAt")
      select gen_random_uuid()::text, e.id, ${event}, m.id, ${promotionBody(event, { ...extras.facts!, state: to }, move.actor.email, now, publicBaseUrl())}, ${ts(now)}, ${ts(now)}
      from moved m join "NotificationEndpoint" e on e.enabled and ${event} = any(e.events)
    )`
        : Prisma.empty
    }${
      extras.approval
        ? Prisma.sql`, decision as (
      insert into "Approval" (id, "promotionId", "userId", decision, comment, "createdAt")
      select ${randomUUID()}, id, ${extras.approval.userId}, ${extras.approval.decision}::"Decision", ${extras.approval.comment}, ${ts(now)} from moved
      on conflict ("promotionId", "userId") do update set decision = excluded.decision, comment = excluded.comment, "invalidatedAt" = null, "createdAt" = excluded."createdAt"
    )`
        : Prisma.empty
    }
    select count(*)::int as moved from moved`;
  if (moved === 0) throw new RaceLost();
  requestSeal();
  if (event && !notifyInline) await enqueuePromotionNotification(client as Tx, { event, promotionId: p.id, actor: move.actor, at: now });
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
