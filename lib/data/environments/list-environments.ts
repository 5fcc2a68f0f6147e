import "server-only";
import { db } from "@/lib/db";
import { allows, levelOf, type Principal } from "@/lib/authz";
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

/** An environment row as every reader gets it (the caller's level added per principal). */
const ROW = { id: true, version: true, secretPrefix: true, updatedAt: true, ...ENVIRONMENT_ASPECTS } as const;

const rows = new BoundedCache<Promise<EnvironmentRow[]>>(4);

/**
 * Every environment in promotion order, whoever asks: kept per config generation
 * (environments are config data: a change bumps it in the writer's transaction), so a
 * page reads none while nothing changed. Callers filter by access themselves. A caller
 * that has just read the generations passes the config one (outside a render each
 * `dataGenerations()` is a read of its own).
 */
export async function allEnvironments(configGeneration?: bigint): Promise<readonly EnvironmentRow[]> {
  const g = configGeneration ?? (await dataGenerations()).config;
  return rows.getOrReadAt(g, "", readAll);
}

async function readAll() {
  const found = await db().environment.findMany({ select: ROW, orderBy: { position: "asc" } });
  return found.map((e) => ({ ...e, availabilitySla: Number(e.availabilitySla) }));
}

export type EnvironmentRow = Awaited<ReturnType<typeof readAll>>[number];

/** The environments the principal may see, in promotion order, with their aspects and the caller's level. */
export async function listEnvironments(principal: Principal): Promise<EnvironmentSummary[]> {
  return (await allEnvironments()).filter((e) => allows(principal, e.id, "see")).map((e) => summary(principal, e));
}

function summary(principal: Principal, e: EnvironmentRow) {
  const { version: _version, secretPrefix: _prefix, updatedAt: _updated, ...aspects } = e;
  return { ...aspects, level: levelOf(principal, e.id) };
}

export type EnvironmentSummary = ReturnType<typeof summary>;
