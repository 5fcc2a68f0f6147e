import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guards";
import { listDeployments } from "@/lib/data/deployments/list-deployments";
import { listFilterOptions } from "@/lib/data/deployments/list-filter-options";
import { getCurrentVersions } from "@/lib/data/deployments/get-current-versions";
import { ZListDeploymentsSchema, ZRunningPageSchema, type TListDeployments } from "@/lib/validations/deployments";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DeploymentFilters } from "./_components/filters";
import { DeploymentsTable } from "./_components/deployments-table";
import { RunningNow } from "./_components/running-now";

export const metadata: Metadata = { title: "Deployments" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(params: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

function hrefWith(filters: TListDeployments, cursor?: string | null, running = 1) {
  const q = new URLSearchParams();
  for (const k of ["environment", "service", "status", "person"] as const) if (filters[k]) q.set(k, filters[k]!);
  if (filters.from) q.set("from", filters.from.toISOString().slice(0, 10));
  if (filters.to) q.set("to", filters.to.toISOString().slice(0, 10));
  if (cursor) q.set("cursor", cursor);
  if (running > 1) q.set("running", String(running));
  const s = q.toString();
  return s ? `/deployments?${s}` : "/deployments";
}

export default async function DeploymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage("deployments");
  const params = first(await searchParams);
  const parsed = ZListDeploymentsSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : ZListDeploymentsSchema.parse({});
  const running = ZRunningPageSchema.parse(params.running);
  const options = await listFilterOptions(user);
  const env = options.environments.find((e) => e.slug === filters.environment);
  const service = options.services.find((s) => s.slug === filters.service);
  const [page, versions] = await Promise.all([
    listDeployments(user, filters),
    getCurrentVersions(user, { environmentId: env?.id, serviceId: service?.id }),
  ]);
  const filtered = Boolean(filters.environment || filters.service || filters.status || filters.person || filters.from || filters.to);
  return (
    <>
      <PageHeader title="Deployments" description="What was deployed where, by whom, and how it went. Only environments where you have read (logs) access or more." />
      <Card className="mb-6">
        <CardHeader title="Running now" description="The latest successful deployment of each service per environment." />
        {versions.length ? (
          <RunningNow
            environments={env ? [env] : options.environments}
            services={service ? [service] : options.services}
            running={versions}
            page={running}
            pageHref={(n) => hrefWith(filters, filters.cursor, n)}
          />
        ) : (
          <div className="p-5"><EmptyState title="Nothing deployed yet">No successful deployment matches these filters.</EmptyState></div>
        )}
      </Card>
      <Card>
        <CardHeader title="History" description="Newest first. Filters are in the address, so you can share this view." />
        <DeploymentFilters filters={filters} environments={options.environments} services={options.services} people={options.people} />
        {!parsed.success ? (
          <p role="alert" className="mx-4 mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
            Some filters were not understood and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </p>
        ) : null}
        {page.data.length ? (
          <DeploymentsTable rows={page.data} />
        ) : (
          <div className="p-5">
            <EmptyState title={filtered ? "No deployments match these filters" : "No deployments yet"}>
              {filtered ? <Link className="text-indigo-700 underline dark:text-indigo-300" href="/deployments">Clear the filters</Link> : "CI reports deployments through the API (see docs)."}
            </EmptyState>
          </div>
        )}
        <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          {filters.cursor ? <Link href={hrefWith(filters, null, running)} className="text-indigo-700 hover:underline dark:text-indigo-300">← Newest</Link> : <span />}
          {page.nextCursor ? (
            <Link href={hrefWith(filters, page.nextCursor, running)} rel="next" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800" data-testid="older-page">
              Older →
            </Link>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">End of history</span>
          )}
        </nav>
      </Card>
    </>
  );
}
