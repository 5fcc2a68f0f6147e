import Link from "next/link";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { listDeployments } from "@/lib/data/deployments/list-deployments";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DeploymentStatusBadge } from "@/app/(portal)/deployments/_components/status-badge";
import { formatWhen } from "@/app/(portal)/deployments/_components/format";

/** The overview's recent deploys, in the environments the user may see deploys of. */
export async function OverviewDeployments({ user }: { user: Principal }) {
  if (environmentIdsWith(user, "view_deployments").length === 0) return null;
  const { data } = await listDeployments(user, { limit: 8 });
  return (
    <Card data-testid="overview-deployments">
      <CardHeader title="Recent deploys" actions={<Link href="/deployments" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">All →</Link>} />
      {data.length ? (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {data.map((d) => (
            <li key={d.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
              <div className="min-w-0">
                <Link href={`/deployments/${d.id}`} className="font-medium hover:underline">{d.service.name}</Link>{" "}
                <span className="font-mono text-xs">{d.version}</span>
                <span className="text-slate-600 dark:text-slate-400"> → {d.environment.name}</span>
                <div className="text-xs text-slate-500 dark:text-slate-400">{formatWhen(d.startedAt)} · {d.triggeredBy}</div>
              </div>
              <DeploymentStatusBadge status={d.status} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="p-5"><EmptyState title="No deploys yet" /></div>
      )}
    </Card>
  );
}
