import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { allows, type Principal } from "@/lib/authz";
import { checkWindow } from "@/lib/domain/deploy-window";
import { mayStartDeploy } from "@/lib/domain/readiness";
import { guardedMove, retryOnRace } from "./apply-transition";
import { loadForChange } from "./load-for-change";

/**
 * Starts the deploy of an approved promotion (full access to the target). Blocked
 * outside the target's window or during a freeze, except for hotfixes; the window
 * gate records the check. Creates the in-progress Deployment linked to it.
 */
export async function startDeploy(principal: Principal, id: string, now = new Date()) {
  return retryOnRace(async () => {
    const p = await loadForChange(principal, id, now);
    if (!allows(principal, p.toEnvironmentId, "manage")) throw new AppError("FORBIDDEN", "Starting a deploy needs full access to the target environment.");
    const policy = p.policy;
    const window = p.kind === "hotfix" ? null : checkWindow(policy.window, now);
    const verdict = mayStartDeploy(p, window);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    const [source, lastTarget] = await Promise.all([
      db().deployment.findFirst({ where: { serviceId: p.serviceId, environmentId: p.fromEnvironmentId, version: p.version }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { commitSha: true } }),
      db().deployment.findFirst({ where: { serviceId: p.serviceId, environmentId: p.toEnvironmentId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { strategy: true } }),
    ]);
    return db().$transaction(async (tx) => {
      const next = await guardedMove(tx, { id: p.id, state: p.state, stateVersion: p.stateVersion, toEnvironmentId: p.toEnvironmentId, kind: p.kind }, {
        event: "start_deploy",
        actor: principal,
        message: p.kind === "hotfix" ? `Hotfix deploy started by ${principal.name} (window skipped)` : `Deploy started by ${principal.name} inside the window`,
        audit: { window: window ? "open" : "skipped (hotfix)" },
      });
      await tx.gate.updateMany({ where: { promotionId: p.id, gate: "window" }, data: { status: "passed", reporter: "parity", reportedAt: now, detail: `Open at ${now.toISOString()}` } });
      const deployment = await tx.deployment.create({
        data: {
          serviceId: p.serviceId,
          environmentId: p.toEnvironmentId,
          version: p.version,
          commitSha: source?.commitSha ?? "unknown",
          status: "in_progress",
          strategy: lastTarget?.strategy ?? "rolling",
          progress: 0,
          startedAt: now,
          triggeredBy: principal.email,
          triggeredById: principal.userId,
          promotionId: p.id,
          changeTicket: p.changeTicket,
        },
        select: { id: true },
      });
      return { id: next.id, state: next.state, deploymentId: deployment.id };
    });
  });
}
