import "server-only";
import { db } from "@/lib/db";
import { environmentWhere, levelOf, type Principal } from "@/lib/authz";

export const ENVIRONMENT_ASPECTS = {
  slug: true,
  name: true,
  position: true,
  purpose: true,
  scale: true,
  dataPolicy: true,
  securityPosture: true,
  secretsPolicy: true,
  monitoring: true,
  deploymentPolicy: true,
  monthlyCostUsd: true,
  availabilitySla: true,
  vpcCidr: true,
} as const;

/** The environments the principal may see, in promotion order, with their aspects and the caller's level. */
export async function listEnvironments(principal: Principal) {
  const rows = await db().environment.findMany({
    where: environmentWhere(principal, "see"),
    select: { id: true, ...ENVIRONMENT_ASPECTS },
    orderBy: { position: "asc" },
  });
  return rows.map((e) => ({ ...e, availabilitySla: Number(e.availabilitySla), level: levelOf(principal, e.id) }));
}

export type EnvironmentSummary = Awaited<ReturnType<typeof listEnvironments>>[number];
