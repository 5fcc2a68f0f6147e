import "server-only";
import { cache } from "react";
import { pool } from "@/lib/db";

/**
 * Data states: counters bumped by triggers in the writer's own transaction, so a reader
 * sees a new value exactly when it can see the change (migrations
 * 20261125222334_config_generation, 20261126013500_data_generations,
 * 20261126020000_secrets_generation and 20261126110000_deployments_generation):
 * - `config`: config entries, intended differences, environments, services, precedence;
 * - `access`: users (not their last-seen time), roles, the access matrix;
 * - `promotions`: promotions, gates, approvals, policies, freezes;
 * - `secrets`: the secret metadata registry;
 * - `deployments`: deploy history (bumped when the writer's transaction commits).
 * A cache of something computed from that data keys on the counters it depends on: one
 * primary-key read tells whether it is current.
 *
 * `dataGenerations` reads once per React render (pages and layouts share it); server
 * actions and route handlers run outside a render and read afresh, and the render that
 * follows an action is a new one, so a write is always seen by the next read. Code that
 * writes during a render (the lazy expiry sweep) re-reads with `readDataGenerations`.
 */
export interface Generations {
  config: bigint;
  access: bigint;
  promotions: bigint;
  secrets: bigint;
  deployments: bigint;
}

const ROW = { 1: "config", 2: "access", 3: "promotions", 4: "secrets", 5: "deployments" } as const;

export async function readDataGenerations(): Promise<Generations> {
  // Straight through the pool under Prisma (lib/db.ts): ids and int8 counters as text.
  const { rows } = await pool().query<{ id: number; n: string }>(`select id, n::text as n from "ConfigGeneration"`);
  const g: Generations = { config: BigInt(-1), access: BigInt(-1), promotions: BigInt(-1), secrets: BigInt(-1), deployments: BigInt(-1) };
  for (const r of rows) {
    const name = ROW[r.id as keyof typeof ROW];
    if (name) g[name] = BigInt(r.n);
  }
  return g;
}

export const dataGenerations = cache(readDataGenerations);
