import Link from "next/link";
import type { DeploymentDto } from "@/lib/data/deployments/select";
import { DeploymentStatusBadge, RolloutProgress } from "./status-badge";
import { formatDuration, formatWhen, STRATEGY_LABEL } from "./format";

/** The history table; `compact` drops the columns the environment page already implies. */
export function DeploymentsTable({ rows, compact = false }: { rows: DeploymentDto[]; compact?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[860px] text-left text-sm" data-testid="deployments-table">
        <caption className="sr-only">Deployments, newest first</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-4 py-2 font-medium">Started</th>
            <th scope="col" className="px-4 py-2 font-medium">Service</th>
            {compact ? null : <th scope="col" className="px-4 py-2 font-medium">Environment</th>}
            <th scope="col" className="px-4 py-2 font-medium">Version</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Rollout</th>
            <th scope="col" className="px-4 py-2 font-medium">Duration</th>
            <th scope="col" className="px-4 py-2 font-medium">Triggered by</th>
            {compact ? null : <th scope="col" className="px-4 py-2 font-medium">Change / promotion</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((d) => (
            <tr key={d.id} data-testid="deployment-row" className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                <Link href={`/deployments/${d.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{formatWhen(d.startedAt)}</Link>
              </td>
              <td className="px-4 py-2">{d.service.name}</td>
              {compact ? null : <td className="px-4 py-2" data-testid="row-environment">{d.environment.name}</td>}
              <td className="px-4 py-2">
                <span className="font-mono text-xs">{d.version}</span>
                <div className="font-mono text-[11px] text-slate-500 dark:text-slate-400" title={d.commitSha}>{d.commitSha.slice(0, 7)}</div>
              </td>
              <td className="px-4 py-2">
                <DeploymentStatusBadge status={d.status} />
                {d.rolledBackBy[0] ? (
                  <div className="mt-1 text-xs">
                    replaced by <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={`/deployments/${d.rolledBackBy[0].id}`}>{d.rolledBackBy[0].version}</Link>
                  </div>
                ) : null}
                {d.rollbackOfId ? (
                  <div className="mt-1 text-xs">
                    <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={`/deployments/${d.rollbackOfId}`}>rollback</Link> of a failed release
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-2">
                <div className="text-xs text-slate-600 dark:text-slate-400">{STRATEGY_LABEL[d.strategy]}</div>
                <RolloutProgress progress={d.progress} status={d.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatDuration(d.finishedAt ? d.finishedAt.getTime() - d.startedAt.getTime() : null)}</td>
              <td className="px-4 py-2 text-xs">{d.triggeredBy}</td>
              {compact ? null : (
                <td className="px-4 py-2 text-xs">
                  {d.changeTicket ? <div className="font-mono">{d.changeTicket}</div> : null}
                  {d.promotionId ? <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={`/promotions/${d.promotionId}`}>promotion</Link> : null}
                  {!d.changeTicket && !d.promotionId ? <span className="text-slate-500 dark:text-slate-400">—</span> : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
