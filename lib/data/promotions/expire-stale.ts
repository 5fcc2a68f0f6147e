import "server-only";
import { db } from "@/lib/db";
import type { Generations } from "@/lib/data/generations";
import { statesAccepting } from "@/lib/domain/promotion-state";
import { guardedMove, RaceLost } from "./apply-transition";
import { SYSTEM_ACTOR } from "./promotion-scope";

/**
 * Expires promotions still waiting (requested, checking, awaiting approval) past
 * their expiresAt (set at request time from the policy's expireAfterHours). Each
 * in its own guarded transaction, so a decision racing the sweep wins or loses
 * cleanly. Called lazily when the queue is read and exported for a scheduled job.
 */
export async function expireStalePromotions(now = new Date(), limit = 200): Promise<number> {
  const stale = await db().promotion.findMany({
    where: { state: { in: statesAccepting("expire") }, expiresAt: { lt: now } },
    select: { id: true, state: true, stateVersion: true, toEnvironmentId: true, kind: true, expiresAt: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  let expired = 0;
  for (const p of stale) {
    try {
      await db().$transaction((tx) =>
        guardedMove(tx, p, { event: "expire", actor: SYSTEM_ACTOR, message: `Expired: no decision by ${p.expiresAt!.toISOString()}`, data: { decidedAt: now } }),
      );
      expired++;
    } catch (error) {
      if (!(error instanceof RaceLost)) throw error;
    }
  }
  return expired;
}

let nextExpiry: { promotions: bigint; at: number } | null = null;

/**
 * The sweep, only when a waiting promotion's time may have passed: the earliest expiry of
 * waiting promotions is kept per promotions generation (any change to promotions bumps it
 * in the writer's transaction), so reading the queue costs no sweep query in between.
 * Returns how many it expired (then the caller's generations are out of date).
 */
export async function expireStalePromotionsIfDue(generations: Generations, now = new Date()): Promise<number> {
  if (nextExpiry?.promotions !== generations.promotions) {
    const first = await db().promotion.findFirst({
      where: { state: { in: statesAccepting("expire") }, expiresAt: { not: null } },
      orderBy: { expiresAt: "asc" },
      select: { expiresAt: true },
    });
    nextExpiry = { promotions: generations.promotions, at: first?.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY };
  }
  return now.getTime() > nextExpiry.at ? expireStalePromotions(now) : 0;
}
