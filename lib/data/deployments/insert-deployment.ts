import "server-only";
import type { Tx } from "@/lib/db";
import type { DeploymentStatus, DeploymentStrategy } from "@/generated/prisma/enums";
import { writeAudit, type AuditInput } from "@/lib/data/audit/write-audit";
import { isFinished } from "@/lib/domain/deployment-status";
import { DEPLOYMENT_SELECT, type DeploymentDto } from "./select";

export interface NewDeployment {
  externalId: string;
  serviceId: string;
  environmentId: string;
  version: string;
  commitSha: string;
  status: DeploymentStatus;
  strategy: DeploymentStrategy;
  progress?: number;
  startedAt: Date;
  finishedAt?: Date | null;
  triggeredBy: string;
  triggeredById?: string | null;
  promotionId?: string | null;
  changeTicket?: string | null;
  rollbackOfId?: string | null;
}

/**
 * Creates a deployment once per externalId, inside the caller's transaction. The insert is
 * `ON CONFLICT DO NOTHING` on the unique index, so two identical reports racing each other
 * both end with the one row (the loser waits for the winner's commit, then reads it) and
 * only the winner writes the audit event. A rollback marks the deployment it replaced.
 */
export async function insertDeployment(tx: Tx, actor: AuditInput["actor"], d: NewDeployment): Promise<{ deployment: DeploymentDto; created: boolean }> {
  const finished = isFinished(d.status);
  const { count } = await tx.deployment.createMany({
    data: [{
      ...d,
      progress: d.progress ?? (d.status === "succeeded" ? 100 : 0),
      finishedAt: d.finishedAt ?? (finished ? new Date() : null),
    }],
    skipDuplicates: true,
  });
  const deployment = await tx.deployment.findUniqueOrThrow({ where: { externalId: d.externalId }, select: DEPLOYMENT_SELECT });
  if (count === 0) return { deployment, created: false };
  await writeAudit(tx, {
    actor,
    action: "deployment.report",
    targetType: "deployment",
    targetId: deployment.id,
    environmentId: d.environmentId,
    after: { externalId: d.externalId, service: deployment.service.slug, version: d.version, commitSha: d.commitSha, status: d.status, strategy: d.strategy, rollbackOfId: d.rollbackOfId ?? null },
  });
  if (d.rollbackOfId) {
    const marked = await tx.deployment.updateMany({ where: { id: d.rollbackOfId, status: "succeeded" }, data: { status: "rolled_back" } });
    if (marked.count) {
      await writeAudit(tx, { actor, action: "deployment.status", targetType: "deployment", targetId: d.rollbackOfId, environmentId: d.environmentId, before: { status: "succeeded" }, after: { status: "rolled_back", replacedBy: deployment.id } });
    }
  }
  return { deployment, created: true };
}
