import type { Metadata } from "next";
import Link from "next/link";
import { requirePage, orNotFound } from "@/lib/auth/guards";
import { getDeployment } from "@/lib/data/deployments/get-deployment";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { DeploymentStatusBadge, RolloutProgress } from "../_components/status-badge";
import { formatDuration, formatWhen, STRATEGY_LABEL } from "../_components/format";
import { DetailList } from "@/components/ui/detail-list";

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("deployments");
  const d = await orNotFound(getDeployment(user, (await params).id));
  const link = "text-indigo-700 hover:underline dark:text-indigo-300";
  const rows: [string, React.ReactNode][] = [
    ["Service", <Link key="s" className={link} href={`/deployments?service=${d.service.slug}`}>{d.service.name}</Link>],
    ["Environment", <Link key="e" className={link} href={`/environments/${d.environment.slug}`}>{d.environment.name}</Link>],
    ["Version", <span key="v" className="font-mono">{d.version}</span>],
    ["Commit", <span key="c" className="font-mono text-xs">{d.commitSha}</span>],
    ["Status", <DeploymentStatusBadge key="st" status={d.status} />],
    ["Strategy", STRATEGY_LABEL[d.strategy]],
    ["Rollout", <RolloutProgress key="p" progress={d.progress} status={d.status} />],
    ["Started", formatWhen(d.startedAt)],
    ["Finished", d.finishedAt ? formatWhen(d.finishedAt) : "—"],
    ["Duration", formatDuration(d.finishedAt ? d.finishedAt.getTime() - d.startedAt.getTime() : null)],
    ["Triggered by", d.triggeredBy],
    ["Change ticket", d.changeTicket ?? "—"],
    ["Promotion", d.promotion ? <Link key="pr" className={link} href={`/promotions/${d.promotion.id}`}>{d.promotion.kind} · {d.promotion.state.replace(/_/g, " ")}</Link> : "—"],
    ["Rolled back", d.rollbackOf ? <span key="rb">this deployment rolled back <Link className={link} href={`/deployments/${d.rollbackOf.id}`}>{d.rollbackOf.version}</Link></span> : "—"],
    ["Replaced by", d.rolledBackBy[0] ? <Link key="rp" className={link} href={`/deployments/${d.rolledBackBy[0].id}`}>{d.rolledBackBy[0].version}</Link> : "—"],
    ["External id", <span key="x" className="font-mono text-xs">{d.externalId ?? "—"}</span>],
  ];
  return (
    <>
      <PageHeader title={`${d.service.name} ${d.version}`} description={`to ${d.environment.name}`} actions={<Link href="/deployments" className={link}>← All deployments</Link>} />
      <Card>
        <CardHeader title="Details" />
        <DetailList items={rows} />
      </Card>
    </>
  );
}
