import type { Metadata } from "next";
import Link from "next/link";
import { requirePage, orNotFound } from "@/lib/auth/guards";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { listEnvironments } from "@/lib/data/environments/list-environments";
import { ZAuditFilterSchema } from "@/lib/validations/audit";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { VerifyChainButton } from "./_components/verify-chain-button";
import { AuditDiff } from "./_components/audit-diff";

export const metadata: Metadata = { title: "Audit" };

type Search = Record<string, string | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage("audit");
  const raw = await searchParams;
  const parsed = ZAuditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZAuditFilterSchema.parse({});
  const [{ events, nextCursor }, environments] = await Promise.all([orNotFound(listAuditEvents(user, filter)), listEnvironments(user)]);
  const query = (extra: Search) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...raw, ...extra })) if (v) p.set(k, v);
    return p.toString();
  };
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, who made it, from where, with before and after. Events are hash-chained: editing, deleting or reordering one is detected."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <VerifyChainButton />
            <a href={`/api/v1/audit/export?${query({ format: "csv", cursor: undefined })}`} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">Export CSV</a>
            <a href={`/api/v1/audit/export?${query({ format: "json", cursor: undefined })}`} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">Export JSON</a>
          </div>
        }
      />
      <form className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-6" aria-label="Filter the audit trail">
        {[
          ["actor", "Actor", "email contains"],
          ["action", "Action", "e.g. access."],
          ["target", "Target", "id or type"],
        ].map(([name, label, placeholder]) => (
          <label key={name} className="text-xs font-medium">
            {label}
            <input name={name} defaultValue={raw[name]} placeholder={placeholder} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900" />
          </label>
        ))}
        <label className="text-xs font-medium">
          Environment
          <select name="environment" defaultValue={raw.environment ?? ""} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900">
            <option value="">any</option>
            {environments.map((e) => (
              <option key={e.slug} value={e.slug}>{e.name}</option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium">
          From
          <input type="date" name="from" defaultValue={raw.from} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900" />
        </label>
        <div className="flex items-end gap-2">
          <button className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">Filter</button>
          <Link href="/audit" className="px-2 py-1.5 text-sm text-slate-600 hover:underline dark:text-slate-400">Clear</Link>
        </div>
      </form>
      {!parsed.success ? <p role="alert" className="mb-3 text-sm text-rose-700 dark:text-rose-300">Some filters were invalid and were ignored.</p> : null}
      <Card>
        {events.length === 0 ? (
          <div className="p-5"><EmptyState title="No events match">Widen the filters or clear them.</EmptyState></div>
        ) : (
          <ol className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="audit-events">
            {events.map((e) => (
              <li key={e.id} className="px-5 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <div className="text-sm">
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">#{e.id}</span> <span className="font-semibold">{e.action}</span> on{" "}
                    <span className="font-mono text-xs">{e.targetType}:{e.targetId}</span>
                    {e.environment ? <> in <span className="font-medium">{e.environment}</span></> : null}
                  </div>
                  <div className="text-xs text-slate-600 dark:text-slate-400">
                    {e.actorLabel} · <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                    {e.ip ? ` · ${e.ip}` : ""}
                  </div>
                </div>
                <AuditDiff before={e.before} after={e.after} />
              </li>
            ))}
          </ol>
        )}
      </Card>
      <div className="mt-4 flex justify-end text-sm">
        {nextCursor ? <Link href={`/audit?${query({ cursor: nextCursor })}`} className="text-indigo-700 hover:underline dark:text-indigo-300">Older events →</Link> : <span className="text-slate-500 dark:text-slate-400">End of the trail</span>}
      </div>
    </>
  );
}
