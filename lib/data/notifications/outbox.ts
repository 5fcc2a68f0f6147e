import "server-only";
import { db } from "@/lib/db";

export interface ClaimedDelivery {
  id: string;
  event: string;
  body: string;
  /** This attempt's number, 1-based (already counted when claimed). */
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
  enabled: boolean;
}

/**
 * Claims up to `limit` due deliveries for this worker: counts the attempt and moves
 * `nextAttemptAt` a lease ahead, so several app instances never send one row at the
 * same time (SKIP LOCKED), and a worker that dies mid-send leaves the row to be tried
 * again when the lease ends. The only reader of the signing secret.
 */
export async function claimDueDeliveries(options: { now?: Date; limit?: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  return db().$queryRaw<ClaimedDelivery[]>`
    with due as (
      select id from "NotificationDelivery"
      where status = 'pending' and "nextAttemptAt" <= ${now}
      order by "nextAttemptAt", id
      limit ${options.limit ?? 20}
      for update skip locked
    )
    update "NotificationDelivery" d
       set attempts = d.attempts + 1, "lastAttemptAt" = ${now}, "nextAttemptAt" = ${leaseUntil}
      from due, "NotificationEndpoint" e
     where d.id = due.id and e.id = d."endpointId"
    returning d.id, d.event, d.body, d.attempts, d."createdAt", e.url, e.secret, e.enabled`;
}

export type AttemptOutcome =
  | { kind: "delivered"; statusCode: number }
  | { kind: "retry"; statusCode: number | null; error: string; nextAttemptAt: Date }
  | { kind: "failed"; statusCode: number | null; error: string };

/**
 * Records one attempt's outcome. Guarded by the attempt number: a worker whose lease
 * ran out while another took the row over cannot overwrite the newer attempt.
 */
export async function recordAttempt(id: string, attempt: number, outcome: AttemptOutcome, now = new Date()): Promise<boolean> {
  const error = outcome.kind === "delivered" ? null : outcome.error.slice(0, 500);
  const data =
    outcome.kind === "delivered"
      ? { status: "delivered" as const, deliveredAt: now, lastStatusCode: outcome.statusCode, lastError: null }
      : outcome.kind === "retry"
        ? { nextAttemptAt: outcome.nextAttemptAt, lastStatusCode: outcome.statusCode, lastError: error }
        : { status: "failed" as const, lastStatusCode: outcome.statusCode, lastError: error };
  const r = await db().notificationDelivery.updateMany({ where: { id, attempts: attempt, status: "pending" }, data });
  return r.count === 1;
}

/** The earliest pending delivery's due time, so the worker can sleep until then. */
export async function nextDueAt(): Promise<Date | null> {
  const row = await db().notificationDelivery.findFirst({ where: { status: "pending" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  return row?.nextAttemptAt ?? null;
}

/** Forgets finished deliveries older than `days` (the worker calls this about hourly); pending ones are kept. */
export async function pruneDeliveries(days = 30, now = new Date()): Promise<number> {
  const r = await db().notificationDelivery.deleteMany({ where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: new Date(now.getTime() - days * 86_400_000) } } });
  return r.count;
}
