import Link from "next/link";
import { allows, type Principal } from "@/lib/authz";
import { listDeployments } from "@/lib/data/deployments/list-deployments";
import { getCurrentVersions } from "@/lib/data/deployments/get-current-versions";
import { listFilterOptions } from "@/lib/data/deployments/list-filter-options";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DeploymentsTable } from "@/app/(portal)/deployments/_components/deployments-table";
import { RunningNow } from "@/app/(portal)/deployments/_components/running-now";

/** Services and the version each runs here now, and the latest deploys (read (logs) and up). */
export async function DeploymentsSection({ user, env, runningPage = 1 }: { user: Principal; env: { id: string; slug: string; name: string; level: string }; runningPage?: number }) {
  if (!allows(user, env.id, "view_deployments")) return null;
  const [options, running, recent] = await Promise.all([
    listFilterOptions(user),
    getCurrentVersions(user, { environmentId: env.id }),
    listDeployments(user, { environment: env.slug, limit: 10 }),
  ]);
  const link = <Link href={`/deployments?environment=${env.slug}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Full history →</Link>;
  return (
    <Card data-testid="environment-deployments" id="deployments">
      <CardHeader title="Deployments" description={`What runs in ${env.name} now, and the latest deploys`} actions={link} />
      {running.length ? (
        <RunningNow
          environments={[{ id: env.id, slug: env.slug, name: "Running version" }]}
          services={options.services}
          running={running}
          page={runningPage}
          pageHref={(n) => `/environments/${env.slug}${n > 1 ? `?running=${n}` : ""}#deployments`}
        />
      ) : null}
      {recent.data.length ? (
        <div className="border-t border-slate-200 dark:border-slate-800"><DeploymentsTable rows={recent.data} compact /></div>
      ) : (
        <div className="p-5"><EmptyState title="No deployments yet">CI reports deployments here through the API or GitHub webhooks.</EmptyState></div>
      )}
    </Card>
  );
}
