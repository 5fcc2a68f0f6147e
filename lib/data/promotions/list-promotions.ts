import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { environmentIdsWith, principalKey, type Principal } from "@/lib/authz";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations, readDataGenerations, type Generations } from "@/lib/data/generations";
import { loadPolicies, type LoadedPolicy } from "@/lib/data/policies/load-policy";
import { OPEN_STATES } from "@/lib/domain/promotion-state";
import { readiness } from "@/lib/domain/readiness";
import { isStorableDate } from "@/lib/domain/storable";
import type { TQueueQuery } from "@/lib/validations/promotions";
import { promotionWhere } from "./promotion-scope";
import { waitingOnWhere } from "./waiting-on-where";
import { expireStalePromotionsIfDue } from "./expire-stale";

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [string, string];
    const createdAt = new Date(at);
    return !isStorableDate(createdAt) || typeof id !== "string" || id.includes("\u0000") ? null : { createdAt, id };
  } catch {
    return null;
  }
}

/**
 * The queue: "waiting on me", "my requests" or "all" visible promotions, newest
 * first, keyset-paginated on (createdAt, id), each with its readiness summary.
 * Expires stale requests first, so the queue never shows a request past its time.
 * The rows and policies are kept per person, query and data generation (promotions,
 * access, config: bumped in the writer's transaction), so an unchanged queue costs one
 * primary-key read; readiness is computed per request (the window's answer is remembered
 * while it cannot change).
 */
export async function listPromotions(principal: Principal, query: TQueueQuery, now = new Date()) {
  let generations = await dataGenerations();
  if (await expireStalePromotionsIfDue(generations, now)) generations = await readDataGenerations();
  const { policies, rows } = await readQueue(principal, query, generations, now);
  const page = rows.slice(0, query.limit);
  const items = page.map(({ gates, approvals, toEnvironmentId, ...row }) => {
    const policy = policies.get(toEnvironmentId)!;
    // The policy's own window object: checkWindow remembers its answer per window while it cannot change.
    const r = readiness({ ...row, gates }, policy.rules, approvals, policy.window, now);
    return {
      ...row,
      gates: { total: gates.length, done: gates.filter((g) => g.status === "passed" || g.status === "waived").length },
      readiness: { summary: r.summary, blocking: r.blocking.map((g) => g.gate), approvals: r.approvals, windowOpen: r.window?.open ?? null, windowOpensAt: r.window && !r.window.open ? r.window.opensAt : null },
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

type QueueRead = { policies: Map<string, LoadedPolicy>; rows: Awaited<ReturnType<typeof queryQueue>> };
const reads = new BoundedCache<Promise<QueueRead>>(2_000);

function readQueue(principal: Principal, query: TQueueQuery, g: Generations, now: Date): Promise<QueueRead> {
  const key = [principalKey(principal), g.promotions, g.access, g.config, JSON.stringify(query)].join("|");
  return reads.getOrRead(key, async () => {
    const policies = await loadPolicies(db(), environmentIdsWith(principal, "view_deployments"), now);
    return { policies, rows: await queryQueue(principal, query, policies) };
  });
}

function queryQueue(principal: Principal, query: TQueueQuery, policies: Map<string, LoadedPolicy>) {
  const after = decodeCursor(query.cursor);
  const and: Prisma.PromotionWhereInput[] = [promotionWhere(principal)];
  if (query.tab === "waiting") and.push(waitingOnWhere(principal, policies));
  if (query.tab === "mine") and.push({ requestedById: principal.userId ?? "-" });
  if (query.state === "open") and.push({ state: { in: [...OPEN_STATES] } });
  else if (query.state) and.push({ state: query.state });
  if (after) and.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  return db().promotion.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      version: true,
      kind: true,
      state: true,
      severity: true,
      createdAt: true,
      expiresAt: true,
      requestedById: true,
      toEnvironmentId: true,
      flaggedForReview: true,
      service: { select: { slug: true, name: true } },
      fromEnvironment: { select: { slug: true, name: true } },
      toEnvironment: { select: { slug: true, name: true } },
      requestedBy: { select: { name: true } },
      gates: { select: { gate: true, status: true } },
      approvals: { select: { userId: true, decision: true, invalidatedAt: true } },
    },
  });
}
