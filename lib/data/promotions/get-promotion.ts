import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { allows, levelOf, type Principal } from "@/lib/authz";
import { loadPolicy } from "@/lib/data/policies/load-policy";
import { describeWindow } from "@/lib/domain/deploy-window";
import { gateSpec, mayRecordGate, mayWaiveGate } from "@/lib/domain/gates";
import { GATE_REPORTABLE_STATES, transition } from "@/lib/domain/promotion-state";
import { approvalRule, eligibleApprovers, mayDecide, readiness } from "@/lib/domain/readiness";
import { promotionWhere } from "./promotion-scope";

/**
 * One promotion with its gates and evidence, approvals, timeline, readiness (what
 * blocks it, who can approve it by name, the window) and what the viewer may do.
 * Invisible and missing are the same NOT_FOUND.
 */
export async function getPromotion(principal: Principal, id: string, now = new Date()) {
  const p = await db().promotion.findFirst({
    where: { id, ...promotionWhere(principal) },
    select: {
      id: true,
      version: true,
      kind: true,
      severity: true,
      reason: true,
      changeTicket: true,
      rollbackPlan: true,
      state: true,
      stateVersion: true,
      requestedById: true,
      flaggedForReview: true,
      expiresAt: true,
      decidedAt: true,
      createdAt: true,
      toEnvironmentId: true,
      service: { select: { slug: true, name: true } },
      fromEnvironment: { select: { slug: true, name: true } },
      toEnvironment: { select: { slug: true, name: true } },
      requestedBy: { select: { name: true, email: true } },
      gates: { select: { gate: true, status: true, evidenceUrl: true, detail: true, reporter: true, reportedAt: true, waivedReason: true }, orderBy: { gate: "asc" } },
      approvals: { select: { userId: true, decision: true, comment: true, invalidatedAt: true, createdAt: true, user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      events: { select: { id: true, type: true, fromState: true, toState: true, actorId: true, message: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      deployments: { select: { id: true, status: true, startedAt: true, finishedAt: true }, orderBy: { startedAt: "desc" }, take: 5 },
    },
  });
  if (!p) throw notFound("Promotion not found");
  const [policy, org] = await Promise.all([loadPolicy(db(), p.toEnvironmentId, now), db().orgSetting.findUnique({ where: { id: 1 }, select: { timeZone: true } })]);
  const rule = approvalRule(p.kind, policy.rules);
  const [candidates, actorRows] = await Promise.all([
    rule.roles.length
      ? db().user.findMany({ where: { active: true, roles: { some: { role: { in: [...rule.roles] } } } }, select: { id: true, name: true, roles: { select: { role: true } } }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 50 })
      : Promise.resolve([]),
    db().user.findMany({ where: { id: { in: [...new Set(p.events.map((e) => e.actorId).filter((a): a is string => Boolean(a)))] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(actorRows.map((u) => [u.id, u.name]));
  const r = readiness(p, policy.rules, p.approvals, policy.window, now);
  const actor = { roles: principal.roles, targetLevel: levelOf(principal, p.toEnvironmentId), scopes: principal.scopes, isRequester: principal.userId === p.requestedById };
  const gatesOpen = GATE_REPORTABLE_STATES.includes(p.state);
  const { events, approvals, gates, toEnvironmentId: _t, ...rest } = p;
  return {
    ...rest,
    gates: gates.map((g) => ({
      ...g,
      label: gateSpec(g.gate).label,
      kind: gateSpec(g.gate).kind,
      canSignOff: gatesOpen && gateSpec(g.gate).kind === "signoff" && g.status !== "passed" && mayRecordGate(g.gate, actor).ok,
      canWaive: gatesOpen && g.status !== "passed" && g.status !== "waived" && mayWaiveGate(g.gate, actor).ok,
    })),
    approvals: approvals.map(({ user, ...a }) => ({ ...a, name: user.name })),
    timeline: events.map((e) => ({ ...e, actor: e.actorId ? (names.get(e.actorId) ?? "someone") : "Parity" })),
    readiness: {
      summary: r.summary,
      blocking: r.blocking.map((g) => ({ gate: g.gate, status: g.status, label: gateSpec(g.gate).label })),
      approvals: r.approvals,
      approvers: eligibleApprovers(candidates.map((c) => ({ id: c.id, name: c.name, roles: c.roles.map((x) => x.role) })), p, policy.rules, p.approvals).map((c) => c.name),
      window: r.window,
      windowText: p.kind === "hotfix" ? "skipped (hotfix)" : describeWindow(policy.window),
      orgTimeZone: org?.timeZone ?? policy.window.timeZone,
      windowTimeZone: policy.window.timeZone,
      deploy: r.deploy,
    },
    viewer: {
      approve: mayDecide("approve", principal, p, policy.rules, p.approvals),
      reject: mayDecide("reject", principal, p, policy.rules, p.approvals),
      cancel: principal.userId === p.requestedById && transition(p.state, "cancel") !== null,
      deploy: allows(principal, p.toEnvironmentId, "manage") && p.state === "approved",
      finish: allows(principal, p.toEnvironmentId, "manage") && p.state === "deploying",
      rollBack: Boolean(principal.userId) && allows(principal, p.toEnvironmentId, "manage") && transition(p.state, "roll_back") !== null,
    },
  };
}

export type PromotionDetail = Awaited<ReturnType<typeof getPromotion>>;
