import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasRole, type Principal } from "@/lib/authz";
import type { SyncEnvironment } from "@/lib/integrations/aws-secrets/map";

const SYNC_LOCK = 727_274_105;
/** A run still "running" after this long died with its process; a new run may start. */
export const STALE_RUN_MS = 30 * 60_000;

export const SYNC_RUN_SELECT = {
  id: true,
  trigger: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  listed: true,
  added: true,
  updated: true,
  removed: true,
  unmapped: true,
  error: true,
  actorId: true,
} as const;

/**
 * Opens a run record, unless another run is in progress (CONFLICT). A stale "running"
 * run (its process died) is closed as failed first. Serialised by an advisory lock.
 */
export async function beginSyncRun(trigger: string, actorId: string | null) {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${SYNC_LOCK})`;
    const running = await tx.secretSyncRun.findFirst({ where: { status: "running" }, select: { id: true, startedAt: true }, orderBy: { startedAt: "desc" } });
    if (running && Date.now() - running.startedAt.getTime() < STALE_RUN_MS) {
      throw new AppError("CONFLICT", "A secret sync is already running. Wait for it to finish.");
    }
    if (running) await tx.secretSyncRun.updateMany({ where: { id: running.id, status: "running" }, data: { status: "failed", finishedAt: new Date(), error: "Abandoned: the process running it stopped." } });
    return tx.secretSyncRun.create({ data: { trigger, actorId, status: "running" }, select: { id: true, startedAt: true } });
  });
}

/** Progress while listing: how many secrets have been listed so far (the run record only). */
export async function recordSyncProgress(runId: string, listed: number) {
  await db().secretSyncRun.updateMany({ where: { id: runId, status: "running" }, data: { listed } });
}

/** Closes a run as failed; the error text must already be free of any response content. */
export async function failSyncRun(runId: string, error: string, listed: number) {
  await db().secretSyncRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "failed", finishedAt: new Date(), error: error.slice(0, 1000), listed } });
}

/** The environments and their prefixes, for mapping (system read, no principal: the sync is not a user's view). */
export async function listSyncEnvironments(): Promise<SyncEnvironment[]> {
  return db().environment.findMany({ select: { id: true, slug: true, name: true, secretPrefix: true }, orderBy: { position: "asc" } });
}

/** What the sync already knows of each AWS secret, by ARN: enough to decide which to describe again. */
export async function listKnownAwsSecrets() {
  const rows = await db().secret.findMany({
    where: { tool: "aws_secrets_manager", sourceId: { not: null } },
    select: { sourceId: true, syncedAt: true, lastRotatedAt: true, deletedAt: true },
  });
  return new Map(rows.map((r) => [r.sourceId!, r]));
}

export async function getSyncRun(runId: string) {
  return db().secretSyncRun.findUnique({ where: { id: runId }, select: SYNC_RUN_SELECT });
}

/**
 * The latest runs, for the status panel of anyone who may open /secrets. Unmapped
 * names can belong to any environment, so only platform sees them.
 */
export async function listSyncRuns(principal: Principal, take = 5) {
  const rows = await db().secretSyncRun.findMany({ select: SYNC_RUN_SELECT, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take });
  const platform = hasRole(principal, "platform");
  return rows.map((r) => {
    const unmapped = Array.isArray(r.unmapped) ? (r.unmapped as { name: string; arn: string; reason: string }[]) : [];
    return { ...r, unmappedCount: unmapped.length, unmapped: platform ? unmapped : [] };
  });
}

export type SyncRunView = Awaited<ReturnType<typeof listSyncRuns>>[number];
