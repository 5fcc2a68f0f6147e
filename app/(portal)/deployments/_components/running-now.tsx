import Link from "next/link";
import type { RunningVersion } from "@/lib/data/deployments/get-current-versions";
import { formatWhen } from "./format";

type Env = { id: string; slug: string; name: string };
type Service = { id: string; slug: string; name: string };

/** Which version each service runs in each environment now (latest success), lower environments first. */
export function RunningNow({ environments, services, running }: { environments: Env[]; services: Service[]; running: RunningVersion[] }) {
  const at = new Map(running.map((r) => [`${r.serviceId}|${r.environmentId}`, r]));
  const shown = services.filter((s) => environments.some((e) => at.has(`${s.id}|${e.id}`)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[520px] text-left text-sm" data-testid="running-now">
        <caption className="sr-only">Version running in each environment now</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-4 py-2 font-medium">Service</th>
            {environments.map((e) => <th key={e.id} scope="col" className="px-4 py-2 font-medium">{e.name}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((s) => {
            const versions = environments.map((e) => at.get(`${s.id}|${e.id}`)?.version);
            return (
              <tr key={s.id}>
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/deployments?service=${s.slug}`} className="hover:underline">{s.name}</Link>
                </th>
                {environments.map((e, i) => {
                  const r = at.get(`${s.id}|${e.id}`);
                  const behind = i > 0 && r && versions[i - 1] && versions[i - 1] !== r.version;
                  return (
                    <td key={e.id} className="px-4 py-2">
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
            );
          })}
        </tbody>
      </table>
      <p className="px-4 py-2 text-xs text-slate-600 dark:text-slate-400">Amber: differs from the environment before it in the promotion path.</p>
    </div>
  );
}
