import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/auth/guards";
import { allows } from "@/lib/authz";
import { listEnvironments } from "@/lib/data/environments/list-environments";
import { comparePage } from "@/lib/data/compare/compare-page";
import { listServices } from "@/lib/data/config/list-services";
import { listConfigFindings } from "@/lib/data/findings/list-config-findings";
import { ZLayer } from "@/lib/validations/config";
import { parityTone } from "@/lib/domain/parity";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { FindingsList } from "./_components/config-bits";
import { PrecedenceLine } from "./_components/precedence-line";
import { ServiceDiff } from "./_components/service-diff";
import { SecretDiff } from "./_components/secret-diff";

export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pageLink = "inline-block rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
const select = "mt-1 block rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function ComparePage({ searchParams }: Props) {
  const user = await requirePage("compare");
  const sp = await searchParams;
  const envs = (await listEnvironments(user)).filter((e) => allows(user, e.id, "view_config"));
  const to = one(sp.to) ?? (one(sp.from) && envs.find((e) => e.slug !== one(sp.from))?.slug) ?? envs[envs.length - 1]?.slug;
  const from = one(sp.from) ?? envs.filter((e) => e.slug !== to).at(-1)?.slug;
  const service = one(sp.service) || undefined;
  const only = one(sp.only) === "1";
  const layer = ZLayer.safeParse(one(sp.layer)).success ? ZLayer.parse(one(sp.layer)) : undefined;

  if (!from || !to || from === to) {
    return (
      <>
        <PageHeader title="Compare" />
        <EmptyState title={envs.length < 2 ? "You may see the configuration of only one environment" : "Choose two different environments"}>
          {envs.length < 2 ? "Comparing needs config access (read logs or more) on two environments." : <Link href="/compare" className="text-indigo-700 underline dark:text-indigo-300">Start again</Link>}
        </EmptyState>
      </>
    );
  }

  const after = one(sp.after) || undefined;
  const secretsAfter = one(sp.secretsAfter) || undefined;
  const [cmp, { findings }, serviceOptions] = await Promise.all([
    orNotFound(comparePage(user, { from, to, service, only, layer, after, secretsAfter })),
    listConfigFindings(user, { service }),
    listServices(),
  ]);
  const relevant = findings.filter((f) => [from, to].includes(f.environment) && (!f.otherEnvironment || [from, to].includes(f.otherEnvironment)));
  // One service: every row (filters apply). All services: a page of DETAIL_PAGE services
  // with their differing rows (comparePage), so 200 services × 500 keys stay readable and cheap.
  const shown = cmp.services;
  const qs = (extra: Record<string, string>) => new URLSearchParams({ from, to, ...(only ? { only: "1" } : {}), ...(layer ? { layer } : {}), ...extra }).toString();
  const range = service ? "" : `${cmp.startAt + 1}–${cmp.startAt + shown.length} of ${cmp.serviceCount}`;
  const pager = (label: string) => service || (cmp.prevAfter === undefined && !cmp.nextAfter) ? null : (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {cmp.prevAfter !== undefined ? <Link href={`/compare?${qs(cmp.prevAfter ? { after: cmp.prevAfter } : {})}`} className={pageLink}>← Previous services</Link> : null}
      {cmp.nextAfter ? <Link href={`/compare?${qs({ after: cmp.nextAfter })}`} className={pageLink}>Next services →</Link> : null}
    </nav>
  );
  const secretsHref = (next?: string) => `/compare?${qs({ ...(service ? { service } : {}), ...(after ? { after } : {}), ...(next ? { secretsAfter: next } : {}) })}#secret-diff`;

  return (
    <>
      <PageHeader
        title="Compare"
        description={<>What differs between {cmp.from.name} and {cmp.to.name}, service by service. “Added” means only in {cmp.to.name}, “removed” only in {cmp.from.name}.</>}
        actions={
          <div className="xl:text-right" data-testid="overall-parity">
            <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">Parity{service ? ` (${service})` : " overall"}</p>
            <p className="text-3xl font-semibold tabular-nums">{cmp.overall.score}%</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">{cmp.overall.matching} of {cmp.overall.total} keys identical or intended</p>
          </div>
        }
      />

      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-label="Compare filters">
        <label className="text-xs font-medium">From
          <select name="from" defaultValue={from} className={select}>{envs.map((e) => <option key={e.slug} value={e.slug}>{e.name}</option>)}</select>
        </label>
        <label className="text-xs font-medium">To
          <select name="to" defaultValue={to} className={select}>{envs.map((e) => <option key={e.slug} value={e.slug}>{e.name}</option>)}</select>
        </label>
        <label className="text-xs font-medium">Service
          <select name="service" defaultValue={service ?? ""} className={select}>
            <option value="">All services</option>
            {serviceOptions.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium">Layer
          <select name="layer" defaultValue={layer ?? ""} className={select}>
            <option value="">Any layer</option>
            {cmp.precedence.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="only" value="1" defaultChecked={only} className="h-4 w-4" /> Only differences
        </label>
        <button className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">Compare</button>
        <div className="basis-full"><PrecedenceLine precedence={cmp.precedence} /></div>
      </form>

      <Card className="mb-6">
        <CardHeader title="Services" description={<>Parity score: the share of keys that are identical or whose difference is marked intended.{range ? ` Services ${range}.` : null}</>} actions={pager("Service pages")} />
        <div className="overflow-x-auto">
          <table className="w-full min-w-[720px] text-left text-sm" data-testid="service-summary">
            <caption className="sr-only">Parity per service</caption>
            <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="px-5 py-2 font-medium">Service</th>
                <th scope="col" className="px-3 py-2 font-medium">Deployed ({cmp.from.name} → {cmp.to.name})</th>
                <th scope="col" className="px-3 py-2 font-medium">Added</th>
                <th scope="col" className="px-3 py-2 font-medium">Removed</th>
                <th scope="col" className="px-3 py-2 font-medium">Changed</th>
                <th scope="col" className="px-3 py-2 font-medium">Intended</th>
                <th scope="col" className="px-3 py-2 font-medium">Parity</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {shown.map((s) => (
                <tr key={s.slug}>
                  <td className="px-5 py-1.5"><a href={`#svc-${s.slug}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{s.name}</a></td>
                  <td className="px-3 py-1.5 font-mono text-xs">{s.deployed.from ?? "—"} → {s.deployed.to ?? "—"}{s.deployed.from && s.deployed.to && s.deployed.from !== s.deployed.to ? <Badge tone="warn" className="ml-2 font-sans">differs</Badge> : null}</td>
                  <td className="px-3 py-1.5 tabular-nums">{s.counts.added || ""}</td>
                  <td className="px-3 py-1.5 tabular-nums">{s.counts.removed || ""}</td>
                  <td className="px-3 py-1.5 tabular-nums">{s.counts.changed || ""}</td>
                  <td className="px-3 py-1.5 tabular-nums">{s.counts.intended || ""}</td>
                  <td className="px-3 py-1.5" data-testid={`parity-${s.slug}`}><Badge tone={parityTone(s.parity.score)}>{s.parity.score}%</Badge></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <div className="space-y-4">
        {!service ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Showing the differing keys of services {range}; open a service for its full side-by-side view with identical keys.
          </p>
        ) : null}
        {shown.map((s) => (
          <ServiceDiff key={s.slug} service={s} from={cmp.from} to={cmp.to} filtered={only || !!layer || !service} fullHref={service ? null : `/compare?${qs({ service: s.slug })}`} />
        ))}
        {pager("Service pages, below the diffs")}
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card data-testid="compare-findings">
          <CardHeader title="Findings" description={`In ${cmp.from.name} and ${cmp.to.name}`} />
          <FindingsList findings={relevant} limit={30} empty="No findings in these environments." />
        </Card>
        <SecretDiff secrets={cmp.secrets} from={cmp.from.name} to={cmp.to.name} nextHref={cmp.secrets?.nextAfter ? secretsHref(cmp.secrets.nextAfter) : null} firstHref={cmp.secrets?.startAt ? secretsHref() : null} />
      </div>
    </>
  );
}
