import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guards";
import { allows } from "@/lib/authz";
import { getInsights } from "@/lib/data/insights/get-insights";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatHours } from "@/app/(portal)/deployments/_components/format";
import { Metric } from "./_components/metric";
import { TrendChart } from "./_components/trend-chart";
import { PrintButton } from "./_components/print-button";
import { HOW } from "./explain";

export const metadata: Metadata = { title: "Insights" };

const PERIODS = [7, 30, 90, 180];
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function InsightsPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const user = await requirePage("insights");
  const requested = Number((await searchParams).days);
  const days = PERIODS.includes(requested) ? requested : 30;
  const { period, environments, truncated, computedAt } = await getInsights(user, { days });
  const range = `from=${day(period.from)}&to=${day(new Date(period.to.getTime() + 86_400_000))}`;
  return (
    <>
      <PageHeader
        title="Insights"
        description={`DORA metrics, approvals, deploy windows, cost and SLA, ${day(period.from)} to ${day(period.to)}. Read-only; computed at ${computedAt.toISOString().slice(11, 19)} UTC, refreshed every minute.`}
        actions={
          <div className="flex flex-wrap items-center gap-2 print:hidden">
            <nav aria-label="Period" className="flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-700">
              {PERIODS.map((p) => (
                <Link key={p} href={`/insights?days=${p}`} aria-current={p === days ? "page" : undefined} className={cn("px-3 py-1.5 focus-visible:-outline-offset-2", p === days ? "bg-indigo-600 text-white" : "hover:bg-slate-50 dark:hover:bg-slate-800")}>
                  {p} days
                </Link>
              ))}
            </nav>
            <a href={`/insights/csv?days=${days}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800" download>Export CSV</a>
            <PrintButton />
          </div>
        }
      />
      {truncated ? <p role="status" className="mb-4 text-sm text-amber-800 dark:text-amber-200">Only the most recent 250,000 deployments of the period were included; choose a shorter period for exact figures.</p> : null}
      {environments.length === 0 ? <EmptyState title="No environments visible to you" /> : null}
      <div className="space-y-6">
        {environments.map((e) => {
          const canList = allows(user, e.id, "view_deployments");
          const list = (extra = "") => (canList ? `/deployments?environment=${e.slug}&${range}${extra}` : undefined);
          const m = e.metrics;
          return (
            <Card key={e.id} data-testid={`insights-${e.slug}`}>
              <CardHeader
                title={e.name}
                description={
                  <span title={HOW.cost}>
                    ${e.monthlyCostUsd.toLocaleString("en-US")}/month · {e.availabilitySla > 0 ? `SLA ${e.availabilitySla}%` : "no availability target"}
                    {canList ? null : " · deployment lists need read (logs) access"}
                  </span>
                }
              />
              <div className="p-5">
                <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
                  <Metric testId="metric-frequency" label="Deploy frequency" value={`${m.deploysPerDay.toFixed(2)}/day`} how={HOW.frequency} href={list("&status=succeeded")} />
                  <Metric label="Lead time" value={formatHours(m.leadTimeHours)} how={HOW.leadTime} />
                  <Metric testId="metric-cfr" label="Change failure rate" value={pct(m.changeFailureRate)} how={`${HOW.cfr} (${m.failed} failed + ${m.rolledBack} rolled back of ${m.finished})`} href={list("&status=failed")} />
                  <Metric label="Time to restore" value={formatHours(m.timeToRestoreHours)} how={`${HOW.restore} (${m.restored} restored, ${m.unrestored} not yet)`} href={list("&status=rolled_back")} />
                  <Metric label="Approval latency" value={e.approval.count ? formatHours(e.approval.medianHours) : "—"} how={`${HOW.approval} (${e.approval.count} decisions)`} />
                  <Metric
                    label="Outside window"
                    value={e.window ? `${e.window.outside} of ${e.window.checked}` : "no window"}
                    how={e.window ? `${HOW.window} Window: ${e.window.description}. Hotfixes: ${e.window.hotfixes}.` : "This environment's policy allows deploys at any time."}
                  />
                </dl>
                {e.window ? (
                  <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                    Deploy window {e.window.description}; {e.window.hotfixes} hotfix promotion{e.window.hotfixes === 1 ? "" : "s"} in the period (flagged for review).
                  </p>
                ) : null}
                <div className="mt-5">
                  <TrendChart
                    title={`${e.name}: deployments, failures and change failure rate over time`}
                    points={e.trend.map((t) => ({ label: day(t.start).slice(5), deployments: t.deployments, failures: t.failures, cfr: t.changeFailureRate === null ? null : Math.round(t.changeFailureRate * 1000) / 10 }))}
                  />
                </div>
                {e.services.length ? (
                  <div className="mt-5 overflow-x-auto">
                    <table className="w-full min-w-[640px] text-left text-sm">
                      <caption className="mb-2 text-left text-sm font-medium">Per service</caption>
                      <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                        <tr className="border-b border-slate-200 dark:border-slate-800">
                          <th scope="col" className="px-3 py-2 font-medium">Service</th>
                          <th scope="col" className="px-3 py-2 font-medium" title={HOW.frequency}>Deploys/day</th>
                          <th scope="col" className="px-3 py-2 font-medium" title={HOW.leadTime}>Lead time</th>
                          <th scope="col" className="px-3 py-2 font-medium" title={HOW.cfr}>Change failure rate</th>
                          <th scope="col" className="px-3 py-2 font-medium" title={HOW.restore}>Time to restore</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                        {e.services.map((s) => (
                          <tr key={s.id}>
                            <th scope="row" className="px-3 py-1.5 font-medium">
                              {canList ? <Link className="hover:underline" href={`/deployments?environment=${e.slug}&service=${s.slug}&${range}`}>{s.name}</Link> : s.name}
                            </th>
                            <td className="px-3 py-1.5 tabular-nums">{s.metrics.deploysPerDay.toFixed(2)}</td>
                            <td className="px-3 py-1.5 tabular-nums">{formatHours(s.metrics.leadTimeHours)}</td>
                            <td className="px-3 py-1.5 tabular-nums">{pct(s.metrics.changeFailureRate)}</td>
                            <td className="px-3 py-1.5 tabular-nums">{formatHours(s.metrics.timeToRestoreHours)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : (
                  <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">No deployments in this period.</p>
                )}
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
