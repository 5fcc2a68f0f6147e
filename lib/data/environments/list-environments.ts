import "server-only";
import { db } from "@/lib/db";
import { environmentWhere, levelOf, principalKey, type Principal } from "@/lib/authz";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";

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

const lists = new BoundedCache<Promise<EnvironmentSummary[]>>(2_000);

/**
 * The environments the principal may see, in promotion order, with their aspects and the
 * caller's level. Kept per person (their levels are in the key) and config generation
 * (environments are config data: a change bumps it in the writer's transaction). The
 * array is shared between requests: callers copy before they reorder.
 */
export async function listEnvironments(principal: Principal): Promise<readonly EnvironmentSummary[]> {
  const g = await dataGenerations();
  return lists.getOrRead(`${principalKey(principal)}|${g.config}`, () => readEnvironments(principal));
}

async function readEnvironments(principal: Principal) {
  const rows = await db().environment.findMany({
    where: environmentWhere(principal, "see"),
    select: { id: true, ...ENVIRONMENT_ASPECTS },
    orderBy: { position: "asc" },
  });
  return rows.map((e) => ({ ...e, availabilitySla: Number(e.availabilitySla), level: levelOf(principal, e.id) }));
}

export type EnvironmentSummary = Awaited<ReturnType<typeof readEnvironments>>[number];
