import Link from "next/link";
import type { RunningVersion } from "@/lib/data/deployments/get-current-versions";
import { formatWhen } from "./format";

type Env = { id: string; slug: string; name: string };
type Service = { id: string; slug: string; name: string };

/** Services a page of "Running now" shows. */
export const RUNNING_PAGE_SIZE = 20;

/**
 * Which version each service runs in each environment now (latest success), lower
 * environments first, a page of services at a time. With several environments, services
 * whose versions differ between them (not promoted all the way, or drifted) come first,
 * then by name; with one environment, by name.
 */
export function RunningNow({ environments, services, running, page = 1, pageHref }: { environments: Env[]; services: Service[]; running: RunningVersion[]; page?: number; pageHref: (page: number) => string }) {
  const at = new Map(running.map((r) => [`${r.serviceId}|${r.environmentId}`, r]));
  const rows = services
    .map((s) => ({ service: s, cells: environments.map((e) => at.get(`${s.id}|${e.id}`)) }))
    .filter((row) => row.cells.some(Boolean))
    .map((row) => ({ ...row, differs: new Set(row.cells.map((c) => c?.version)).size > 1 }));
  const differing = rows.filter((r) => r.differs).length;
  // Stable sort: `services` is already by name.
  if (environments.length > 1) rows.sort((a, b) => Number(b.differs) - Number(a.differs));
  const pages = Math.max(1, Math.ceil(rows.length / RUNNING_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * RUNNING_PAGE_SIZE;
  const shown = rows.slice(start, start + RUNNING_PAGE_SIZE);
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[520px] text-left text-sm" data-testid="running-now">
          <caption className="sr-only">Version running in each environment now, services {start + 1} to {start + shown.length} of {rows.length}</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="px-4 py-2 font-medium">Service</th>
              {environments.map((e) => <th key={e.id} scope="col" className="px-4 py-2 font-medium">{e.name}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {shown.map(({ service: s, cells }) => (
              <tr key={s.id} data-testid="running-row">
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/deployments?service=${s.slug}`} className="hover:underline">{s.name}</Link>
                </th>
                {cells.map((r, i) => {
                  const before = i > 0 ? cells[i - 1]?.version : undefined;
                  const behind = r && before && before !== r.version;
                  return (
                    <td key={environments[i].id} className="px-4 py-2">
                      {r ? (
                        <Link href={`/deployments/${r.id}`} title={`since ${formatWhen(r.finishedAt ?? r.startedAt)}`} className={`font-mono text-xs hover:underline ${behind ? "text-amber-700 dark:text-amber-300" : ""}`}>
                          {r.version}
                        </Link>
                      ) : (
                        <span className="text-slate-500 dark:text-slate-400">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Running now pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <p data-testid="running-summary">
          Services {start + 1}–{start + shown.length} of {rows.length}
          {environments.length > 1 ? ` · ${differing} differ between environments (listed first; amber: differs from the environment before it in the promotion path)` : ""}
        </p>
        {pages > 1 ? (
          <span className="flex items-center gap-3">
            {current > 1 ? <Link href={pageHref(current - 1)} className="text-indigo-700 underline dark:text-indigo-300">← Previous</Link> : null}
            <span>Page {current} of {pages}</span>
            {current < pages ? <Link href={pageHref(current + 1)} className="text-indigo-700 underline dark:text-indigo-300" data-testid="running-next">Next →</Link> : null}
          </span>
        ) : null}
      </nav>
    </div>
  );
}
