// The bench's databases: one embedded Postgres in .data/bench-pg (kept between runs so
// the 1M-row dataset is loaded once), with two databases:
//   parity_bench_small  the demo seed (12 services) topped up to 50 secrets
//   parity_bench_large  the demo seed + seedLarge (1M deployments, 5,000 secrets, …)
// Both are migrated and seeded idempotently on every run.
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/db/embedded";
import { migrate } from "../../scripts/db/migrate";
import { prismaFor } from "../../scripts/lib/database";
import { seed } from "../../prisma/seed";
import { seedLarge, type LargeSeedOptions, type LargeSeedResult } from "../../prisma/seed/large";

export const BENCH_PG_DIR = path.resolve(".data/bench-pg");

/** The small dataset's secret count: the `/secrets` goal compares 5,000 secrets with 50. */
export const SMALL_SECRETS = 50;

/**
 * Adds generated secrets (the large seed's generator, nothing else) until the database
 * holds `total` secrets, so both sides of the `/secrets` measurement render a full page
 * of 50 rows. Idempotent: the generated ids are fixed.
 */
async function topUpSecrets(prisma: ReturnType<typeof prismaFor>, total: number) {
  const demo = await prisma.secret.count({ where: { id: { not: { startsWith: "lg-sec-" } } } });
  const missing = total - demo;
  if (missing <= 0) return;
  await seedLarge(prisma, { users: 0, services: 0, configKeys: 0, deployments: 0, auditEvents: 0, secrets: missing });
}

export interface BenchDatabases {
  server: RunningPostgres;
  port: number;
  smallUrl: string;
  largeUrl: string;
  adminUrl: string;
  largeSeed: LargeSeedResult;
  /** Stops Postgres (idempotent). */
  stop(): Promise<void>;
  /** Stops and starts Postgres again on the same port and data directory (fault tests). */
  restart(downMs?: number): Promise<void>;
  stopOnly(): Promise<void>;
  startAgain(): Promise<void>;
}

export async function openBenchDatabases(options: { fresh?: boolean; port?: number; large?: LargeSeedOptions; log: (l: string) => void }): Promise<BenchDatabases> {
  const { log } = options;
  const t0 = Date.now();
  let server = await startEmbeddedPostgres({ dataDir: BENCH_PG_DIR, fresh: options.fresh, quiet: true, port: options.port ?? 54_391 });
  const port = Number(new URL(server.url("postgres")).port);
  log(`bench: embedded Postgres on 127.0.0.1:${port} (${BENCH_PG_DIR}) in ${Date.now() - t0} ms`);
  let running = true;
  const db = {
    server,
    port,
    adminUrl: server.url("postgres"),
    smallUrl: server.url("parity_bench_small"),
    largeUrl: server.url("parity_bench_large"),
    largeSeed: { inserted: { users: 0, services: 0, config: 0, secrets: 0, deployments: 0, audit: 0 }, ms: 0 } as LargeSeedResult,
    async stopOnly() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async startAgain() {
      if (running) return;
      server = await startEmbeddedPostgres({ dataDir: BENCH_PG_DIR, quiet: true, port });
      const again = Number(new URL(server.url("postgres")).port);
      if (again !== port) throw new Error(`Postgres came back on port ${again}, not ${port}`);
      db.server = server;
      running = true;
    },
    async restart(downMs = 0) {
      await db.stopOnly();
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      await db.startAgain();
    },
    async stop() {
      await db.stopOnly().catch(() => {});
    },
  };
  try {
    for (const name of ["parity_bench_small", "parity_bench_large"]) await server.createDatabase(name);
    for (const url of [db.smallUrl, db.largeUrl]) {
      await migrate(url);
      const prisma = prismaFor(url);
      try {
        await seed(prisma);
        if (url === db.largeUrl) db.largeSeed = await seedLarge(prisma, { ...options.large, log });
        else await topUpSecrets(prisma, SMALL_SECRETS);
      } finally {
        await prisma.$disconnect();
      }
    }
  } catch (error) {
    await db.stop();
    throw error;
  }
  log(`bench: databases ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return db;
}
