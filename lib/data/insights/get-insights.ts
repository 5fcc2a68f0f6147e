import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, mayOpen, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { doraMetrics, doraTrend, median, type DeployFact, type DoraMetrics, type TrendPoint } from "@/lib/domain/dora";
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
export async function getInsights(principal: Principal, options: { days: number; now?: Date }): Promise<{ period: { from: Date; to: Date }; bucketDays: number; environments: EnvironmentInsight[]; truncated: boolean }> {
  if (!mayOpen(principal, "insights")) throw notFound();
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
  const bucketDays = Math.max(1, Math.round(options.days / 12));
  const environments = envs.map((e): EnvironmentInsight => {
    const inEnv = (d: DeployFact) => d.environmentId === e.id;
    const lat = approvals.filter((a) => a.promotion.toEnvironmentId === e.id).map((a) => a.createdAt.getTime() - a.promotion.createdAt.getTime());
    const latency = median(lat);
    let window: EnvironmentInsight["window"] = null;
    if (e.policy) {
      const w: DeployWindow = { days: e.policy.windowDays, start: e.policy.windowStart, end: e.policy.windowEnd, timeZone: e.policy.windowTimeZone, freezes: freezes.filter((f) => f.environmentId === e.id) };
      if (!isAlwaysOpen(w) || w.freezes.length) {
        const checked = history.filter((d) => inEnv(d) && d.startedAt >= from && d.startedAt < to);
        window = {
          description: describeWindow(w),
          checked: checked.length,
          outside: checked.filter((d) => !checkWindow(w, d.startedAt).open).length,
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
      metrics: doraMetrics(history, period, inEnv),
      trend: doraTrend(history, period, bucketDays, inEnv),
      services: services
        .map((s) => ({ ...s, metrics: doraMetrics(history, period, (d) => inEnv(d) && d.serviceId === s.id) }))
        .filter((s) => s.metrics.deployments > 0),
      approval: { medianHours: latency === null ? null : latency / 3_600_000, count: lat.length },
      window,
    };
  });
  return { period, bucketDays, environments, truncated: facts.length === MAX_FACTS };
}
