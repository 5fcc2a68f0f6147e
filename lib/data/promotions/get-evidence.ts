import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { getPromotion } from "./get-promotion";
import { sealAuditChain } from "@/lib/data/audit/seal-audit-chain";

/**
 * The evidence bundle for auditors: the request, gates with evidence, decisions,
 * the window check, the timeline and the promotion's audit events with their
 * chain hashes. Same visibility as the promotion (404 otherwise).
 */
export async function getEvidence(principal: Principal, id: string, now = new Date()) {
  const p = await getPromotion(principal, id, now);
  // Seal first, so the bundle carries every committed event's chain position and hash.
  await sealAuditChain(db(), { wait: true });
  const audit = await db().auditEvent.findMany({
    where: { targetType: "promotion", targetId: id },
    orderBy: { id: "asc" },
    take: 1000,
    select: { id: true, createdAt: true, actorLabel: true, action: true, before: true, after: true, requestId: true, seq: true, prevHash: true, hash: true },
  });
  const windowGate = p.gates.find((g) => g.gate === "window");
  return {
    generatedAt: now.toISOString(),
    generatedBy: principal.email,
    promotion: {
      id: p.id,
      service: p.service,
      from: p.fromEnvironment,
      to: p.toEnvironment,
      version: p.version,
      kind: p.kind,
      severity: p.severity,
      reason: p.reason,
      changeTicket: p.changeTicket,
      rollbackPlan: p.rollbackPlan,
      state: p.state,
      requestedBy: p.requestedBy,
      requestedAt: p.createdAt.toISOString(),
      decidedAt: p.decidedAt?.toISOString() ?? null,
      flaggedForReview: p.flaggedForReview,
    },
    gates: p.gates.map(({ canSignOff: _s, canWaive: _w, ...g }) => ({ ...g, reportedAt: g.reportedAt?.toISOString() ?? null })),
    approvals: p.approvals.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), invalidatedAt: a.invalidatedAt?.toISOString() ?? null })),
    window: {
      policy: p.readiness.windowText,
      timeZone: p.readiness.windowTimeZone,
      checkedAtDeploy: windowGate ? { status: windowGate.status, detail: windowGate.detail } : p.kind === "hotfix" ? { status: "skipped", detail: "hotfix" } : null,
    },
    timeline: p.timeline.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    audit: audit.map((a) => ({ ...a, id: a.id.toString(), seq: a.seq?.toString() ?? null, createdAt: a.createdAt.toISOString() })),
  };
}

export type Evidence = Awaited<ReturnType<typeof getEvidence>>;
