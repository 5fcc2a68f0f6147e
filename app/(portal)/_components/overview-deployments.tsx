import Link from "next/link";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { listDeployments } from "@/lib/data/deployments/list-deployments";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DeployList } from "./overview-views";

/** The overview's recent deploys, in the environments the user may see deploys of. */
export async function OverviewDeployments({ user }: { user: Principal }) {
  if (environmentIdsWith(user, "view_deployments").length === 0) return null;
  const { data } = await listDeployments(user, { limit: 8 });
  return (
    <Card data-testid="overview-deployments">
      <CardHeader title="Recent deploys" actions={<Link href="/deployments" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">All →</Link>} />
      {data.length ? (
        <DeployList rows={data.map((d) => ({ id: d.id, service: d.service.name, version: d.version, environment: d.environment.name, startedAt: d.startedAt, triggeredBy: d.triggeredBy, status: d.status }))} />
      ) : (
        <div className="p-5"><EmptyState title="No deploys yet" /></div>
      )}
    </Card>
  );
}
