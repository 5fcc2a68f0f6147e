import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { AppError } from "@/lib/errors";
import { runSecretSync } from "./run-sync";

export const SYNC_QUEUE = "secrets-sync";

/**
 * The cron for "every N minutes": N < 60 → every N minutes past the hour (so 45 fires at
 * :00 and :45); N ≥ 60 → every round(N/60) hours on the hour; N ≥ 1440 → daily at 00:00 UTC.
 */
export function cronForInterval(minutes: number): string {
  if (minutes < 60) return `*/${Math.max(1, Math.floor(minutes))} * * * *`;
  if (minutes >= 1440) return "0 0 * * *";
  return `0 */${Math.round(minutes / 60)} * * *`;
}

let boss: PgBoss | null = null;

/**
 * Starts the pg-boss worker (its own `pgboss` schema) and schedules the sync when
 * SECRETS_SYNC_INTERVAL_MINUTES > 0. pg-boss keeps one scheduled job per slot across
 * all app instances; a run that finds another in progress just logs and skips.
 */
export async function startSecretSyncSchedule(options: { intervalMinutes?: number; connectionString?: string } = {}): Promise<PgBoss | null> {
  const minutes = options.intervalMinutes ?? env.SECRETS_SYNC_INTERVAL_MINUTES;
  const connectionString = options.connectionString ?? env.DATABASE_URL;
  if (minutes <= 0 || !connectionString || boss) return boss;
  const instance = new PgBoss({ connectionString, schema: "pgboss", max: 2 });
  instance.on("error", (error) => log.error({ error: (error as Error).message }, "pg-boss error"));
  await instance.start();
  await instance.createQueue(SYNC_QUEUE);
  const cron = cronForInterval(minutes);
  await instance.schedule(SYNC_QUEUE, cron, {}, { tz: "UTC" });
  await instance.work(SYNC_QUEUE, async () => {
    try {
      const result = await runSecretSync({ trigger: "schedule", actor: null });
      if (result.status === "failed") log.warn({ runId: result.runId, error: result.error }, "scheduled secret sync failed");
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") return log.info("scheduled secret sync skipped: another run is in progress");
      throw error;
    }
  });
  boss = instance;
  log.info({ cron, queue: SYNC_QUEUE }, "secret sync scheduled");
  return boss;
}

export async function stopSecretSyncSchedule(): Promise<void> {
  await boss?.stop({ graceful: true });
  boss = null;
}
