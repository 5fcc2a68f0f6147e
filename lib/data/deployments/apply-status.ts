import "server-only";
import type { Tx } from "@/lib/db";
import type { DeploymentStatus } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { writeAudit, type AuditInput } from "@/lib/data/audit/write-audit";
import { decideTransition, isFinished } from "@/lib/domain/deployment-status";
import { DEPLOYMENT_SELECT, type DeploymentDto } from "./select";

export interface StatusChange {
  status?: DeploymentStatus;
  progress?: number;
  finishedAt?: Date;
}

export type StatusOutcome = { deployment: DeploymentDto; outcome: "applied" | "unchanged" | "ignored"; reason?: string };

/**
 * Applies a status report inside the caller's transaction. Invalid transitions are a
 * CONFLICT; stale ones (a late "in progress" after "succeeded") change nothing. The update
 * is guarded by the status it was decided on, so a racing report cannot be overwritten.
 */
export async function applyStatus(tx: Tx, actor: AuditInput["actor"], id: string, change: StatusChange): Promise<StatusOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await tx.deployment.findUniqueOrThrow({ where: { id }, select: { status: true, progress: true, environmentId: true, finishedAt: true } });
    const to = change.status ?? current.status;
    const decision = decideTransition(current.status, to);
    if (decision.kind === "invalid") throw new AppError("CONFLICT", decision.reason, { status: [decision.reason] });
    if (decision.kind === "stale") return { deployment: await read(tx, id), outcome: "ignored", reason: decision.reason };
    const progress = to === "succeeded" ? 100 : decision.kind === "same" && isFinished(to) ? current.progress : (change.progress ?? current.progress);
    const finishedAt = isFinished(to) ? (current.finishedAt ?? change.finishedAt ?? new Date()) : null;
    if (decision.kind === "same" && progress === current.progress) return { deployment: await read(tx, id), outcome: "unchanged" };
    const { count } = await tx.deployment.updateMany({ where: { id, status: current.status }, data: { status: to, progress, finishedAt } });
    if (count === 0) continue; // someone else moved it first: decide again on what is there now
    await writeAudit(tx, {
      actor,
      action: "deployment.status",
      targetType: "deployment",
      targetId: id,
      environmentId: current.environmentId,
      before: { status: current.status, progress: current.progress },
      after: { status: to, progress },
    });
    return { deployment: await read(tx, id), outcome: "applied" };
  }
  throw new AppError("CONFLICT", "The deployment kept changing while this report was applied. Retry.");
}

function read(tx: Tx, id: string): Promise<DeploymentDto> {
  return tx.deployment.findUniqueOrThrow({ where: { id }, select: DEPLOYMENT_SELECT });
}
