import "server-only";
import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { after } from "next/server";
import { AppError } from "@/lib/errors";
import { hasRole, type Principal } from "@/lib/authz";
import { log } from "@/lib/log";
import { applySecretSync } from "@/lib/data/secrets/apply-secret-sync";
import { beginSyncRun, failSyncRun, getSyncRun, listKnownAwsSecrets, listSyncEnvironments, recordSyncProgress } from "@/lib/data/secrets/sync-runs";
import { secretsManagerClient, type ClientOptions } from "./client";
import { describeChanged, listAllSecretMetadata } from "./list-metadata";
import { mapSecret, type AwsSecretMetadata, type SyncedSecret, type UnmappedSecret } from "./map";
import { isRetryable, safeErrorText } from "./errors";

export const SYSTEM_ACTOR = { userId: null, email: "system:secrets-sync" } as const;

export interface SyncOptions {
  trigger: "manual" | "schedule" | "cli";
  /** The person who asked; null for the CLI and the schedule (system). Must hold the platform role. */
  actor: Principal | null;
  client?: SecretsManagerClient;
  clientOptions?: ClientOptions;
  /** Whole-run attempts for throttling / network failures, on top of the SDK's own per-call retries. */
  runAttempts?: number;
  /** First backoff between whole-run attempts; doubles each time, with jitter. */
  backoffMs?: number;
}

export interface SyncRunResult {
  runId: string;
  status: "succeeded" | "failed";
  listed: number;
  added: number;
  updated: number;
  removed: number;
  unmapped: number;
  attempts: number;
  error: string | null;
  ms: number;
  /** Where the time went: listing, describing, applying (last attempt). */
  phases: { listMs: number; describeMs: number; applyMs: number };
}

function authorize(actor: Principal | null): void {
  if (actor && !hasRole(actor, "platform")) throw new AppError("FORBIDDEN", "Only the platform team may run a secret sync.");
}

/** Opens the run record and returns its id without waiting for the sync (the "Sync now" button). */
export async function startSecretSync(options: SyncOptions): Promise<{ runId: string }> {
  authorize(options.actor);
  const run = await beginSyncRun(options.trigger, options.actor?.userId ?? null);
  after(() => executeRun(run.id, options).then(() => undefined));
  return { runId: run.id };
}

/**
 * Syncs secret metadata from AWS Secrets Manager and waits for it: lists every secret
 * (ListSecrets, all pages), describes new or changed ones (DescribeSecret), maps them to
 * environments, then applies everything in one transaction. Never reads a value.
 * Used by the CLI (`npm run portal -- sync secrets`) and the scheduled job.
 */
export async function runSecretSync(options: SyncOptions): Promise<SyncRunResult> {
  authorize(options.actor);
  const run = await beginSyncRun(options.trigger, options.actor?.userId ?? null);
  return executeRun(run.id, options);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function executeRun(runId: string, options: SyncOptions): Promise<SyncRunResult> {
  const started = Date.now();
  const client = options.client ?? secretsManagerClient(options.clientOptions);
  const attemptsAllowed = Math.max(1, options.runAttempts ?? 3);
  const backoff = options.backoffMs ?? 2_000;
  const actor = options.actor ? { userId: options.actor.userId, email: options.actor.email } : SYSTEM_ACTOR;
  let listed = 0;
  let attempts = 0;
  try {
    for (;;) {
      attempts++;
      try {
        const { secrets, unmapped, count, phases } = await collect(client, runId, (n) => (listed = n));
        listed = count;
        const applyStarted = Date.now();
        const applied = await applySecretSync(runId, { secrets, unmapped, listed }, actor);
        phases.applyMs = Date.now() - applyStarted;
        const result: SyncRunResult = { runId, status: "succeeded", listed, ...applied, unmapped: unmapped.length, attempts, error: null, ms: Date.now() - started, phases };
        log.info({ sync: { ...result, trigger: options.trigger } }, "secret sync finished");
        return result;
      } catch (error) {
        const text = safeErrorText(error);
        if (attempts < attemptsAllowed && isRetryable(error)) {
          const wait = backoff * 2 ** (attempts - 1) * (0.5 + Math.random() / 2);
          log.warn({ runId, attempt: attempts, error: text, waitMs: Math.round(wait) }, "secret sync attempt failed; retrying");
          await sleep(wait);
          continue;
        }
        const message = error instanceof AppError ? error.message : `${text}${attempts > 1 ? ` (after ${attempts} attempts)` : ""}`;
        await failSyncRun(runId, message, listed).catch(() => undefined);
        log.error({ runId, error: message }, "secret sync failed; nothing was changed");
        const run = await getSyncRun(runId).catch(() => null);
        return { runId, status: "failed", listed: run?.listed ?? listed, added: 0, updated: 0, removed: 0, unmapped: 0, attempts, error: message, ms: Date.now() - started, phases: { listMs: 0, describeMs: 0, applyMs: 0 } };
      }
    }
  } finally {
    if (!options.client) client.destroy();
  }
}

async function collect(client: SecretsManagerClient, runId: string, onListed: (n: number) => void) {
  const t0 = Date.now();
  const [envs, known] = await Promise.all([listSyncEnvironments(), listKnownAwsSecrets()]);
  const listedMeta = await listAllSecretMetadata(client, async (n) => {
    onListed(n);
    await recordSyncProgress(runId, n);
  });
  const needsDescribe = (s: AwsSecretMetadata) => {
    const k = known.get(s.ARN!);
    if (!k || k.deletedAt || !k.syncedAt) return true;
    const changed = s.LastChangedDate && s.LastChangedDate > k.syncedAt;
    const rotated = (s.LastRotatedDate?.getTime() ?? null) !== (k.lastRotatedAt?.getTime() ?? null);
    return Boolean(changed || rotated);
  };
  const t1 = Date.now();
  const described = await describeChanged(client, listedMeta, needsDescribe);
  const phases = { listMs: t1 - t0, describeMs: Date.now() - t1, applyMs: 0 };
  const secrets: SyncedSecret[] = [];
  const unmapped: UnmappedSecret[] = [];
  for (const meta of described) {
    const m = mapSecret(meta, envs);
    if ("secret" in m) secrets.push(m.secret);
    else unmapped.push(m.unmapped);
  }
  return { secrets, unmapped, count: listedMeta.length, phases };
}
