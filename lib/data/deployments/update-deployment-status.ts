import "server-only";
import { db } from "@/lib/db";
import { inEnvironmentsWhere, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import type { TUpdateDeployment } from "@/lib/validations/deployments";
import { applyStatus, type StatusOutcome } from "./apply-status";
import { assertMayWriteDeployments } from "./authorize-write";

/** CI reports a status change for a deployment, by its id or its externalId. */
export async function updateDeploymentStatus(principal: Principal, idOrExternalId: string, input: TUpdateDeployment): Promise<StatusOutcome> {
  const found = await db().deployment.findFirst({
    where: { OR: [{ id: idOrExternalId }, { externalId: idOrExternalId }], ...inEnvironmentsWhere(principal, "view_deployments") },
    select: { id: true, environmentId: true },
  });
  if (!found) throw notFound("Deployment not found");
  assertMayWriteDeployments(principal, found.environmentId);
  return db().$transaction((tx) =>
    applyStatus(tx, principal, found.id, { status: input.status, progress: input.progress, finishedAt: input.finishedAt ? new Date(input.finishedAt) : undefined }),
  );
}
