import "server-only";
import { db } from "@/lib/db";
import { environmentWhere, type Principal } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import type { TReportDeployment } from "@/lib/validations/deployments";
import { insertDeployment } from "./insert-deployment";
import { assertMayWriteDeployments } from "./authorize-write";
import type { DeploymentDto } from "./select";

/** CI reports a deployment; the same externalId twice returns the first one (created: false). */
export async function reportDeployment(principal: Principal, input: TReportDeployment): Promise<{ deployment: DeploymentDto; created: boolean }> {
  const env = await db().environment.findFirst({ where: { slug: input.environment, ...environmentWhere(principal, "view_deployments") }, select: { id: true } });
  if (!env) throw notFound(`Environment "${input.environment}" not found`);
  assertMayWriteDeployments(principal, env.id);
  const service = await db().service.findUnique({ where: { slug: input.service }, select: { id: true } });
  if (!service) throw notFound(`Service "${input.service}" not found`);

  const existing = await db().deployment.findUnique({ where: { externalId: input.externalId }, select: { environmentId: true } });
  if (existing && existing.environmentId !== env.id) {
    throw new AppError("CONFLICT", "This externalId already names a deployment to another environment.", { externalId: ["Already used for another environment"] });
  }
  const [promotion, rollbackOf] = await Promise.all([
    input.promotionId ? db().promotion.findFirst({ where: { id: input.promotionId, serviceId: service.id, toEnvironmentId: env.id }, select: { id: true } }) : null,
    input.rollbackOf
      ? db().deployment.findFirst({ where: { OR: [{ id: input.rollbackOf }, { externalId: input.rollbackOf }], serviceId: service.id, environmentId: env.id }, select: { id: true } })
      : null,
  ]);
  const fields: Record<string, string[]> = {};
  if (input.promotionId && !promotion) fields.promotionId = ["No promotion of this service into this environment has that id"];
  if (input.rollbackOf && !rollbackOf) fields.rollbackOf = ["No deployment of this service in this environment has that id"];
  if (Object.keys(fields).length) throw new AppError("UNPROCESSABLE", "The request has invalid fields.", fields);

  return db().$transaction((tx) =>
    insertDeployment(tx, principal, {
      externalId: input.externalId,
      serviceId: service.id,
      environmentId: env.id,
      version: input.version,
      commitSha: input.commitSha.toLowerCase(),
      status: input.status,
      strategy: input.strategy,
      progress: input.progress,
      startedAt: input.startedAt ? new Date(input.startedAt) : new Date(),
      finishedAt: input.finishedAt ? new Date(input.finishedAt) : null,
      triggeredBy: input.triggeredBy ?? principal.email,
      triggeredById: principal.userId,
      promotionId: promotion?.id ?? null,
      changeTicket: input.changeTicket ?? null,
      rollbackOfId: rollbackOf?.id ?? null,
    }),
  );
}
