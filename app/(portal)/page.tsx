import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { listEnvironments } from "@/lib/data/environments/list-environments";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CardSkeleton } from "@/components/ui/skeleton";
import { ComparisonTable } from "@/components/environments/comparison-table";
import { OverviewPromotions } from "./_components/overview-promotions";
import { OverviewDeployments } from "./_components/overview-deployments";
import { OverviewFindings } from "./_components/overview-findings";
import { OverviewSecrets } from "./_components/overview-secrets";

export const metadata: Metadata = { title: "Overview" };

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
        <Suspense fallback={<CardSkeleton label="promotions" />}>
          <OverviewPromotions user={user} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="deployments" />}>
          <OverviewDeployments user={user} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="findings" />}>
          <OverviewFindings user={user} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="secret rotation" />}>
          <OverviewSecrets user={user} />
        </Suspense>
      </div>
    </>
  );
}
