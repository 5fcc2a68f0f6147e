// `sync`: the AWS Secrets Manager metadata sync of 5,000 secrets, in-process
// (runSecretSync, as the CLI and the schedule run it) against the fake Secrets Manager
// (tests/support/fake-secrets-manager.ts: the AWS JSON wire protocol over real loopback
// HTTP, through the real SDK): a first sync, then an unchanged re-sync. It runs on a
// scratch database, `parity_bench_sync` (a copy of the small one, dropped afterwards),
// so the large dataset is untouched. Call after prepareDal() (the server-only stub).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { FakeSecretsManager, realisticSecrets } from "../../tests/support/fake-secrets-manager";
import { migrate } from "../../scripts/db/migrate";
import { prismaFor } from "../../scripts/lib/database";
import { seed } from "../../prisma/seed";
import type { BenchDatabases } from "./databases";
import type { SyncRunResult } from "../../lib/integrations/aws-secrets/run-sync";

export const SYNC_DATABASE = "parity_bench_sync";
const VALUE_CALLS = ["GetSecretValue", "BatchGetSecretValue"];

export interface SyncBenchResult {
  secrets: number;
  first: SyncRunResult;
  second: SyncRunResult;
  /** Calls the fake saw, per operation, in each run. */
  firstCalls: Record<string, number>;
  secondCalls: Record<string, number>;
  /** GetSecretValue / BatchGetSecretValue calls in both runs (must be 0). */
  valueCalls: number;
  database: "template copy" | "migrated + seeded";
}

type Log = (line: string) => void;
const g = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function tally(targets: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of targets) out[t] = (out[t] ?? 0) + 1;
  return out;
}

async function admin<T>(db: BenchDatabases, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh `parity_bench_sync`: a copy of the small (demo) database, or migrated and seeded when it cannot be copied. */
async function scratchDatabase(db: BenchDatabases, log: Log): Promise<{ url: string; how: SyncBenchResult["database"] }> {
  const url = db.server.url(SYNC_DATABASE);
  const copied = await admin(db, async (c) => {
    await c.query(`drop database if exists ${SYNC_DATABASE} with (force)`);
    try {
      await c.query(`create database ${SYNC_DATABASE} template parity_bench_small`);
      return true;
    } catch (error) {
      log(`sync: could not copy parity_bench_small (${(error as Error).message}); migrating and seeding a fresh database`);
      await c.query(`create database ${SYNC_DATABASE}`);
      return false;
    }
  });
  if (!copied) {
    await migrate(url);
    const prisma = prismaFor(url);
    try {
      await seed(prisma);
    } finally {
      await prisma.$disconnect();
    }
  }
  return { url, how: copied ? "template copy" : "migrated + seeded" };
}

export async function syncFirstVsResync(o: { db: BenchDatabases; secrets: number; log: Log }): Promise<SyncBenchResult | { skip: string }> {
  let runSecretSync: typeof import("../../lib/integrations/aws-secrets/run-sync").runSecretSync;
  try {
    ({ runSecretSync } = await import("../../lib/integrations/aws-secrets/run-sync"));
  } catch (error) {
    return { skip: `n/a (lib/integrations/aws-secrets/run-sync: ${(error as Error).message})` };
  }
  const { log: appLog } = await import("../../lib/log");
  const { url, how } = await scratchDatabase(o.db, o.log);
  // The DAL's one Prisma client (lib/db) points at the scratch database for this measurement.
  const previous = g.prisma;
  const previousPool = g.pgPool;
  // lib/db's pool too: the data-generations read goes through it.
  const scratchPool = new pg.Pool({ connectionString: url, max: 10 });
  const scratch = new PrismaClient({ adapter: new PrismaPg(scratchPool) });
  g.prisma = scratch;
  g.pgPool = scratchPool;
  // Fake credentials for the fake endpoint (the SDK needs some; loopback only).
  const savedEnv = { id: process.env.AWS_ACCESS_KEY_ID, key: process.env.AWS_SECRET_ACCESS_KEY, token: process.env.AWS_SESSION_TOKEN };
  process.env.AWS_ACCESS_KEY_ID = "AKIDBENCHFAKE";
  process.env.AWS_SECRET_ACCESS_KEY = "bench-fake-secret-access-key";
  delete process.env.AWS_SESSION_TOKEN;
  const level = appLog.level;
  appLog.level = "warn";
  const fake = new FakeSecretsManager(realisticSecrets(o.secrets));
  try {
    const endpoint = await fake.start();
    if (new URL(endpoint).hostname !== "127.0.0.1") throw new Error("bench: the fake Secrets Manager must listen on loopback");
    const opts = { trigger: "cli" as const, actor: null, clientOptions: { endpoint }, runAttempts: 1 };
    o.log(`sync: first sync of ${o.secrets} secrets (${how} of the demo database, fake Secrets Manager on ${endpoint})`);
    const first = await runSecretSync(opts);
    const afterFirst = fake.calls.length;
    o.log(`sync: first ${(first.ms / 1000).toFixed(1)} s (${first.status}); unchanged re-sync`);
    const second = await runSecretSync(opts);
    const targets = fake.targets();
    const firstCalls = tally(targets.slice(0, afterFirst));
    const secondCalls = tally(targets.slice(afterFirst));
    const valueCalls = targets.filter((t) => VALUE_CALLS.includes(t)).length;
    return { secrets: o.secrets, first, second, firstCalls, secondCalls, valueCalls, database: how };
  } finally {
    await fake.stop();
    appLog.level = level;
    for (const [k, v] of [["AWS_ACCESS_KEY_ID", savedEnv.id], ["AWS_SECRET_ACCESS_KEY", savedEnv.key], ["AWS_SESSION_TOKEN", savedEnv.token]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    g.prisma = previous;
    g.pgPool = previousPool;
    await scratch.$disconnect().catch(() => {});
    await scratchPool.end().catch(() => {});
    await admin(o.db, (c) => c.query(`drop database if exists ${SYNC_DATABASE} with (force)`)).catch(() => {});
  }
}
