import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { LEVEL_LABEL } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { DeploymentsSection } from "./_components/deployments-section";
import { ZRunningPageSchema } from "@/lib/validations/deployments";
import { ConfigSection } from "./_components/config-section";
import { SecretsSection } from "./_components/secrets-section";
import { EditEnvironment } from "./_components/edit-environment";
import { DetailList } from "@/components/ui/detail-list";
import { CardSkeleton } from "@/components/ui/skeleton";

type Params = { params: Promise<{ env: string }>; searchParams?: Promise<{ services?: string | string[]; running?: string | string[] }> };

// A service slug: the keyset cursor of the config section's service pages. Anything else starts at the first page.
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).env };
}

export default async function EnvironmentPage({ params, searchParams }: Params) {
  const query = await searchParams;
  const services = query?.services;
  const runningPage = ZRunningPageSchema.parse(typeof query?.running === "string" ? query.running : undefined);
  const servicesAfter = typeof services === "string" && SLUG.test(services) ? services : undefined;
  const user = await requireUser();
  const env = await orNotFound(getEnvironment(user, (await params).env));
  const aspects: [string, string][] = [
    ["Purpose", env.purpose],
    ["Scale", env.scale],
    ["Data", env.dataPolicy],
    ["Security", env.securityPosture],
    ["Secrets", env.secretsPolicy],
    ["Monitoring", env.monitoring],
    ["Deployment", env.deploymentPolicy],
    ["Monthly cost", `$${env.monthlyCostUsd.toLocaleString("en-US")}`],
    ["Availability target", env.availabilitySla > 0 ? `${env.availabilitySla}%` : "none"],
    ["Network", env.vpcCidr],
  ];
  return (
    <>
      <PageHeader title={env.name} description={env.purpose} actions={<Badge tone="info">your access: {LEVEL_LABEL[env.level]}</Badge>} />
      <Card>
        <CardHeader title="Details" description={`The reference's comparison aspects for ${env.name}.`} />
        <DetailList items={aspects} />
        {env.level === "full" ? (
          <div className="border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            <EditEnvironment
              values={{
                slug: env.slug,
                version: env.version,
                purpose: env.purpose,
                scale: env.scale,
                dataPolicy: env.dataPolicy,
                securityPosture: env.securityPosture,
                secretsPolicy: env.secretsPolicy,
                monitoring: env.monitoring,
                deploymentPolicy: env.deploymentPolicy,
                monthlyCostUsd: env.monthlyCostUsd,
                availabilitySla: env.availabilitySla,
                vpcCidr: env.vpcCidr,
              }}
            />
          </div>
        ) : null}
      </Card>
      {/* The sections stream in behind skeletons; the environment itself was checked above, so a 404 stays a 404. */}
      <div className="mt-6 space-y-6">
        <Suspense fallback={<CardSkeleton label="deployments" rows={5} />}>
          <DeploymentsSection user={user} env={env} runningPage={runningPage} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="configuration" rows={8} />}>
          <ConfigSection user={user} env={env} servicesAfter={servicesAfter} />
        </Suspense>
        <Suspense fallback={<CardSkeleton label="secrets" rows={4} />}>
          <SecretsSection user={user} env={env} />
        </Suspense>
      </div>
    </>
  );
}
