import "server-only";
import { db } from "@/lib/db";
import { inEnvironmentsWhere, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { DEPLOYMENT_SELECT } from "./select";

/** One deployment with what it rolled back and what replaced it; invisible is 404. */
export async function getDeployment(principal: Principal, id: string) {
  const d = await db().deployment.findFirst({
    where: { id, ...inEnvironmentsWhere(principal, "view_deployments") },
    select: { ...DEPLOYMENT_SELECT, rollbackOf: { select: { id: true, version: true } }, promotion: { select: { id: true, kind: true, state: true } } },
  });
  if (!d) throw notFound("Deployment not found");
  return d;
}
