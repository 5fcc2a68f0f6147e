import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { levelOf, type Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { gateSpec, mayRecordGate, mayWaiveGate } from "@/lib/domain/gates";
import { GATE_REPORTABLE_STATES } from "@/lib/domain/promotion-state";
import type { TGateReport } from "@/lib/validations/promotions";
import { advance, guardedMove, guardedTouch, retryOnRace } from "./apply-transition";
import { loadForChange } from "./load-for-change";

type GateChange = { kind: "report"; report: TGateReport } | { kind: "waive"; reason: string };

/**
 * Records a gate result (CI through the API, sign-offs in the UI) or a waiver.
 * A gate that fails once the promotion is awaiting approval or approved
 * invalidates every approval and sends it back to checking; a gate turning green
 * moves it on (and approves it when the policy does so automatically). Serialised
 * with decisions through the promotion's stateVersion.
 */
export async function changeGate(principal: Principal, id: string, gateKey: string, change: GateChange) {
  return retryOnRace(async () => {
    const p = await loadForChange(principal, id);
    const gate = p.gates.find((g) => g.gate === gateKey);
    if (!gate) throw notFound(`This promotion has no "${gateKey}" gate`);
    const actor = { roles: principal.roles, targetLevel: levelOf(principal, p.toEnvironmentId), scopes: principal.scopes, isRequester: principal.userId === p.requestedById };
    const verdict = change.kind === "report" ? mayRecordGate(gateKey, actor) : mayWaiveGate(gateKey, actor);
    if (!verdict.ok) throw new AppError("FORBIDDEN", verdict.message);
    if (!GATE_REPORTABLE_STATES.includes(p.state)) throw new AppError("CONFLICT", `This promotion is ${p.state.replace(/_/g, " ")}; its gates are closed.`);
    const policy = p.policy;
    const status = change.kind === "waive" ? ("waived" as const) : change.report.status;
    const label = gateSpec(gateKey).label;
    const now = new Date();

    return db().$transaction(async (tx) => {
      let ref = { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind };
      ref = await guardedTouch(tx, ref);
      await tx.gate.update({
        where: { id: gate.id },
        data:
          change.kind === "waive"
            ? { status, waivedReason: change.reason, waivedById: principal.userId, reporter: principal.email, reportedAt: now, detail: change.reason }
            : { status, evidenceUrl: change.report.evidenceUrl ?? null, detail: change.report.detail ?? null, reporter: principal.email, reportedAt: now, waivedReason: null, waivedById: null },
      });
      const text = change.kind === "waive" ? `${label} waived by ${principal.name}: ${change.reason}` : `${label} ${status} (reported by ${principal.name})${change.report.detail ? `: ${change.report.detail}` : ""}`;
      await tx.promotionEvent.create({ data: { promotionId: p.id, type: "gate", actorId: principal.userId, message: text, createdAt: now } });
      await writeAudit(tx, {
        actor: principal,
        action: change.kind === "waive" ? "promotion.gate.waive" : "promotion.gate.report",
        targetType: "promotion",
        targetId: p.id,
        environmentId: p.toEnvironmentId,
        before: { gate: gateKey, status: gate.status },
        after: { gate: gateKey, status, ...(change.kind === "waive" ? { reason: change.reason } : { evidenceUrl: change.report.evidenceUrl ?? null }) },
      });
      const gates = p.gates.map((g) => (g.gate === gateKey ? { ...g, status } : g));
      if (status === "failed" && (ref.state === "awaiting_approval" || ref.state === "approved")) {
        const invalidated = await tx.approval.updateMany({ where: { promotionId: p.id, decision: "approve", invalidatedAt: null }, data: { invalidatedAt: now } });
        ref = await guardedMove(tx, ref, {
          event: "gate_regressed",
          actor: principal,
          message: `${label} failed: ${invalidated.count} approval${invalidated.count === 1 ? "" : "s"} invalidated, back to checking`,
          audit: { gate: gateKey, invalidatedApprovals: invalidated.count },
        });
      } else {
        ref = await advance(tx, ref, gates, policy.rules, principal);
      }
      return { id: p.id, state: ref.state, gate: gateKey, status };
    });
  });
}

export const reportGate = (principal: Principal, id: string, gate: string, report: TGateReport) => changeGate(principal, id, gate, { kind: "report", report });
