import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listEnvironments } from "@/lib/data/environments/list-environments";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ComparisonTable } from "@/components/environments/comparison-table";
import { OverviewPromotions } from "./_components/overview-promotions";
import { OverviewDeployments } from "./_components/overview-deployments";
import { OverviewFindings } from "./_components/overview-findings";
import { OverviewSecrets } from "./_components/overview-secrets";

export const metadata: Metadata = { title: "Overview" };

/**
 * The overview renders in one pass, without a Suspense boundary per card: each card reads
 * from data kept per data generation, and recent deploys from one indexed statement, so all
 * four are ready within milliseconds of the environments. Streaming them as four skeletons,
 * each replaced a moment later, cost ~8% of the page's server time (`npm run bench`) for no
 * visible gain.
 */
export default async function OverviewPage() {
  const user = await requireUser();
  const environments = await listEnvironments(user);
  return (
    <>
      <PageHeader title="Overview" description="Your environments side by side, as the platform team defines them." />
      <Card>
        <CardHeader title="Environments" description={`${environments.length} visible to you, in promotion order`} />
        {environments.length ? (
          <ComparisonTable environments={environments} />
        ) : (
          <div className="p-5">
            <EmptyState title="No environments visible to you">Ask the platform team for access: the Access page shows who can grant it.</EmptyState>
          </div>
        )}
      </Card>
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <OverviewPromotions user={user} />
        <OverviewDeployments user={user} />
        <OverviewFindings user={user} />
        <OverviewSecrets user={user} />
      </div>
    </>
  );
}
