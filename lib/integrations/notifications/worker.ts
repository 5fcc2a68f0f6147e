import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { afterFailure, DEFAULT_RETRY, isRetryable, type RetryPolicy } from "@/lib/domain/notifications";
import { claimDueDeliveries, pruneDeliveries, recordAttempt, type AttemptOutcome, type ClaimedDelivery } from "@/lib/data/notifications/outbox";
import { deliverOnce } from "./deliver";

export interface WorkerOptions {
  retry?: RetryPolicy;
  /** Per attempt, the response included. */
  timeoutMs?: number;
  /** Deliveries sent at once. */
  batch?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const PRUNE_EVERY_MS = 3_600_000;

async function attempt(d: ClaimedDelivery, retry: RetryPolicy, timeoutMs: number): Promise<AttemptOutcome["kind"]> {
  let outcome: AttemptOutcome;
  if (d.attempts > retry.maxAttempts) {
    // Only after a worker died mid-send on its last attempt: the lease ran out.
    outcome = { kind: "failed", statusCode: null, error: `Gave up after ${retry.maxAttempts} attempts` };
  } else if (!d.enabled && d.event !== "ping") {
    outcome = { kind: "failed", statusCode: null, error: "The endpoint was disabled before this was sent" };
  } else {
    const r = await deliverOnce(d, timeoutMs);
    const next = r.ok ? null : afterFailure(d.attempts, isRetryable(r.statusCode), retry);
    outcome = r.ok
      ? { kind: "delivered", statusCode: r.statusCode! }
      : next?.retry
        ? { kind: "retry", statusCode: r.statusCode, error: r.error!, nextAttemptAt: new Date(Date.now() + next.delayMs) }
        : { kind: "failed", statusCode: r.statusCode, error: r.error! };
  }
  await recordAttempt(d.id, d.attempts, outcome);
  if (outcome.kind !== "delivered") log.warn({ delivery: d.id, event: d.event, attempt: d.attempts, outcome: outcome.kind, statusCode: outcome.statusCode, error: outcome.error }, "notification not delivered");
  return outcome.kind;
}

/** One pass: claims what is due and sends it. Returns how each claimed delivery ended this time. */
export async function drainNotifications(options: WorkerOptions = {}): Promise<Record<AttemptOutcome["kind"], number>> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const claimed = await claimDueDeliveries({ limit: options.batch ?? 20, leaseMs: timeoutMs + 30_000 });
  const kinds = await Promise.all(claimed.map((d) => attempt(d, retry, timeoutMs)));
  return { delivered: kinds.filter((k) => k === "delivered").length, retry: kinds.filter((k) => k === "retry").length, failed: kinds.filter((k) => k === "failed").length };
}

// One worker per process, kept across dev-server module reloads.
const state = globalThis as unknown as { __parityNotifications?: { timer: NodeJS.Timeout | null; stopped: boolean; running: Promise<void> | null } };

/**
 * Polls the outbox every `pollMs` (NOTIFICATIONS_POLL_MS, default 2 s; 0 = off) and
 * sends what is due; a full batch is followed at once by the next. Safe with several
 * app instances: claims skip rows another instance holds. About hourly it forgets
 * finished deliveries older than 30 days.
 */
export function startNotificationWorker(options: WorkerOptions & { pollMs?: number } = {}): boolean {
  const pollMs = options.pollMs ?? env.NOTIFICATIONS_POLL_MS;
  if (pollMs <= 0 || !env.DATABASE_URL || state.__parityNotifications) return false;
  const s = { timer: null as NodeJS.Timeout | null, stopped: false, running: null as Promise<void> | null };
  state.__parityNotifications = s;
  const batch = options.batch ?? 20;
  let prunedAt = 0;
  const tick = async () => {
    try {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneDeliveries();
      }
      for (let i = 0; i < 50 && !s.stopped; i++) {
        const r = await drainNotifications({ ...options, batch });
        if (r.delivered + r.retry + r.failed < batch) break;
      }
    } catch (error) {
      log.error({ error: (error as Error).message }, "notification worker pass failed; trying again on the next poll");
    }
  };
  const loop = () => {
    if (s.stopped) return;
    s.running = tick().finally(() => {
      s.running = null;
      if (!s.stopped) s.timer = setTimeout(loop, pollMs).unref();
    });
  };
  s.timer = setTimeout(loop, 0).unref();
  log.info({ pollMs }, "notification worker started");
  return true;
}

export async function stopNotificationWorker(): Promise<void> {
  const s = state.__parityNotifications;
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  await s.running;
  state.__parityNotifications = undefined;
}
