import "server-only";
import { db } from "@/lib/db";

/**
 * The config data state: a counter bumped by statement triggers, in the writer's own
 * transaction, on any change to config entries, intended differences, environments,
 * services or the precedence setting (migration 20261125222334_config_generation).
 * Caches of results computed from that data key on it: one primary-key read tells
 * whether they are current.
 */
export async function configGeneration(): Promise<bigint> {
  const row = await db().configGeneration.findUnique({ where: { id: 1 }, select: { n: true } });
  return row?.n ?? BigInt(-1);
}
