import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, mayOpen, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { doraMetrics, doraTrend, indexHistory, median, type DeployFact, type DoraMetrics, type TrendPoint } from "@/lib/domain/dora";
import { checkWindow, describeWindow, isAlwaysOpen, type DeployWindow } from "@/lib/domain/deploy-window";

const DAY = 86_400_000;
// Lead time looks back this far for a version's first appearance.
const LOOKBACK_DAYS = 30;
const MAX_FACTS = 250_000;

export interface EnvironmentInsight {
  id: string;
  slug: string;
  name: string;
  monthlyCostUsd: number;
  availabilitySla: number;
  metrics: DoraMetrics;
  trend: TrendPoint[];
  services: { id: string; slug: string; name: string; metrics: DoraMetrics }[];
  approval: { medianHours: number | null; count: number };
  window: { description: string; checked: number; outside: number; hotfixes: number } | null;
}

/**
 * DORA metrics, approval latency, deploy-window compliance, cost and SLA for the
 * environments the principal may `see` (aggregates only), over the last `days` days.
 */
type Insights = { period: { from: Date; to: Date }; bucketDays: number; environments: EnvironmentInsight[]; truncated: boolean; computedAt: Date };

// The dashboard is computed from up to MAX_FACTS deployments: seconds of work at a million
// rows. Results are shared for CACHE_MS between everyone who sees the same environments
// over the same period (the page says when it was computed), and concurrent requests share
// one computation. After CACHE_MS the last result is still served (up to STALE_MS old)
// while one new computation runs in the background, so nobody waits seconds for it.
const CACHE_MS = 60_000;
const STALE_MS = 10 * 60_000;
type Entry = { at: number; promise: Promise<Insights>; value?: Insights; refreshing?: boolean };
const cache = new Map<string, Entry>();

export async function getInsights(principal: Principal, options: { days: number; now?: Date }): Promise<Insights> {
  if (!mayOpen(principal, "insights")) throw notFound();
  if (options.now) return computeInsights(principal, options);
  const key = `${[...environmentIdsWith(principal, "see")].sort().join(",")}|${options.days}`;
  const hit = cache.get(key);
  const age = hit ? Date.now() - hit.at : Infinity;
  if (hit && age < CACHE_MS) return hit.promise;
  if (hit?.value && age < STALE_MS) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      computeInsights(principal, options).then(
        (value) => cache.set(key, { at: Date.now(), promise: Promise.resolve(value), value }),
        () => (hit.refreshing = false),
      );
    }
    return hit.value;
  }
  const entry: Entry = { at: Date.now(), promise: computeInsights(principal, options) };
  entry.promise.then((value) => (entry.value = value)).catch(() => cache.get(key) === entry && cache.delete(key));
  cache.set(key, entry);
  for (const [k, v] of cache) if (Date.now() - v.at >= STALE_MS) cache.delete(k);
  return entry.promise;
}

async function computeInsights(principal: Principal, options: { days: number; now?: Date }): Promise<Insights> {
  const to = options.now ?? new Date();
  const from = new Date(to.getTime() - options.days * DAY);
  const envIds = environmentIdsWith(principal, "see");
  const [envs, services, facts, approvals, hotfixes, freezes] = await Promise.all([
    db().environment.findMany({
      where: { id: { in: envIds } },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, name: true, monthlyCostUsd: true, availabilitySla: true, policy: { select: { windowDays: true, windowStart: true, windowEnd: true, windowTimeZone: true } } },
    }),
    db().service.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true } }),
    db().deployment.findMany({
      where: { environmentId: { in: envIds }, startedAt: { gte: new Date(from.getTime() - LOOKBACK_DAYS * DAY) } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: MAX_FACTS,
      select: { id: true, serviceId: true, environmentId: true, version: true, status: true, startedAt: true, finishedAt: true },
    }),
    db().approval.findMany({
      where: { invalidatedAt: null, promotion: { toEnvironmentId: { in: envIds }, createdAt: { gte: from, lt: to } } },
      select: { createdAt: true, promotion: { select: { createdAt: true, toEnvironmentId: true } } },
    }),
    db().promotion.groupBy({ by: ["toEnvironmentId"], where: { kind: "hotfix", toEnvironmentId: { in: envIds }, createdAt: { gte: from, lt: to } }, _count: { _all: true } }),
    db().freezePeriod.findMany({ where: { environmentId: { in: envIds }, endsAt: { gte: from } }, select: { environmentId: true, startsAt: true, endsAt: true, reason: true } }),
  ]);
  const history: DeployFact[] = facts;
  const period = { from, to };
  // One index of the whole history and one pass to slice it by environment and lane:
  // the per-environment, per-service and per-bucket metrics below then touch only their slice.
  const index = indexHistory(history);
  const byEnv = new Map<string, DeployFact[]>();
  const byEnvService = new Map<string, DeployFact[]>();
  for (const d of history) {
    (byEnv.get(d.environmentId) ?? byEnv.set(d.environmentId, []).get(d.environmentId)!).push(d);
    const k = `${d.environmentId}|${d.serviceId}`;
    (byEnvService.get(k) ?? byEnvService.set(k, []).get(k)!).push(d);
  }
  const bucketDays = Math.max(1, Math.round(options.days / 12));
  const environments = envs.map((e): EnvironmentInsight => {
    const envHistory = byEnv.get(e.id) ?? [];
    const lat = approvals.filter((a) => a.promotion.toEnvironmentId === e.id).map((a) => a.createdAt.getTime() - a.promotion.createdAt.getTime());
    const latency = median(lat);
    let window: EnvironmentInsight["window"] = null;
    if (e.policy) {
      const w: DeployWindow = { days: e.policy.windowDays, start: e.policy.windowStart, end: e.policy.windowEnd, timeZone: e.policy.windowTimeZone, freezes: freezes.filter((f) => f.environmentId === e.id) };
      if (!isAlwaysOpen(w) || w.freezes.length) {
        const checked = envHistory.filter((d) => d.startedAt >= from && d.startedAt < to);
        window = {
          description: describeWindow(w),
          checked: checked.length,
          // Windows and freezes are set in whole minutes: one check per distinct minute.
          outside: (() => {
            const open = new Map<number, boolean>();
            return checked.filter((d) => {
              const minute = Math.floor(d.startedAt.getTime() / 60_000);
              let o = open.get(minute);
              if (o === undefined) open.set(minute, (o = checkWindow(w, new Date(minute * 60_000)).open));
              return !o;
            }).length;
          })(),
          hotfixes: hotfixes.find((h) => h.toEnvironmentId === e.id)?._count._all ?? 0,
        };
      }
    }
    return {
      id: e.id,
      slug: e.slug,
      name: e.name,
      monthlyCostUsd: e.monthlyCostUsd,
      availabilitySla: Number(e.availabilitySla),
      metrics: doraMetrics(envHistory, period, undefined, index),
      trend: doraTrend(envHistory, period, bucketDays, undefined, index),
      services: services
        .map((s) => ({ ...s, metrics: doraMetrics(byEnvService.get(`${e.id}|${s.id}`) ?? [], period, undefined, index) }))
        .filter((s) => s.metrics.deployments > 0),
      approval: { medianHours: latency === null ? null : latency / 3_600_000, count: lat.length },
      window,
    };
  });
  return { period, bucketDays, environments, truncated: facts.length === MAX_FACTS, computedAt: new Date() };
}
