import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePage } from "@/lib/auth/guards";
import { environmentIdsWith, hasRole } from "@/lib/authz";
import { env } from "@/lib/env";
import { listEnvironments } from "@/lib/data/environments/list-environments";
import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { listSyncRuns } from "@/lib/data/secrets/sync-runs";
import { ROTATION_FILTERS, SECRET_SORTS, SECRET_TOOLS, SECRET_TYPES, ZSecretListQuerySchema } from "@/lib/validations/secrets";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { SyncPanel } from "./_components/sync-panel";
import { toSyncRunDto } from "./_components/sync-run-dto";
import { RotationBadge } from "./_components/rotation-badge";
import { POLICY_LABEL, SORT_LABEL, STATUS_LABEL, TOOL_LABEL, TYPE_LABEL, day, dueText } from "./_components/labels";

export const metadata: Metadata = { title: "Secrets" };

type Search = Record<string, string | undefined>;

const field = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900";

function Field({ id, label, className, children }: { id: string; label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="text-xs font-medium">{label}</label>
      {children}
    </div>
  );
}

export default async function SecretsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage("secrets");
  const raw = await searchParams;
  const parsed = ZSecretListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : ZSecretListQuerySchema.parse({});
  const readable = new Set(environmentIdsWith(user, "view_secrets"));
  const [page, environments, runs] = await Promise.all([orNotFound(listSecrets(user, query)), listEnvironments(user), listSyncRuns(user, 1)]);
  const secretEnvs = environments.filter((e) => readable.has(e.id));
  const href = (extra: Search) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...raw, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/secrets?${s}` : "/secrets";
  };
  const filtered = Boolean(query.q || query.environment || query.type || query.tool || query.rotation);

  return (
    <>
      <PageHeader
        title="Secrets"
        description="Which secrets exist in each environment you may read, who may access them and whether they are rotated. Metadata only: Parity never reads or stores a secret's value."
      />
      <Card className="mb-6">
        <SyncPanel initial={runs[0] ? toSyncRunDto(runs[0]) : null} canSync={hasRole(user, "platform")} intervalMinutes={env.SECRETS_SYNC_INTERVAL_MINUTES} />
      </Card>

      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter secrets" role="search">
        <Field id="f-q" label="Search" className="w-full sm:w-64">
          <input id="f-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder="name, owner or description" className={field} />
        </Field>
        <Field id="f-environment" label="Environment">
          <select id="f-environment" name="environment" defaultValue={query.environment ?? ""} className={field}>
            <option value="">all</option>
            {secretEnvs.map((e) => (
              <option key={e.slug} value={e.slug}>{e.name}</option>
            ))}
          </select>
        </Field>
        <Field id="f-type" label="Type">
          <select id="f-type" name="type" defaultValue={query.type ?? ""} className={field}>
            <option value="">all</option>
            {SECRET_TYPES.map((t) => (
              <option key={t} value={t}>{TYPE_LABEL[t]}</option>
            ))}
          </select>
        </Field>
        <Field id="f-tool" label="Tool">
          <select id="f-tool" name="tool" defaultValue={query.tool ?? ""} className={field}>
            <option value="">all</option>
            {SECRET_TOOLS.map((t) => (
              <option key={t} value={t}>{TOOL_LABEL[t]}</option>
            ))}
          </select>
        </Field>
        <Field id="f-rotation" label="Rotation status">
          <select id="f-rotation" name="rotation" defaultValue={query.rotation ?? ""} className={field}>
            <option value="">any</option>
            {ROTATION_FILTERS.map((r) => (
              <option key={r} value={r}>{STATUS_LABEL[r]}</option>
            ))}
          </select>
        </Field>
        <Field id="f-sort" label="Sort by">
          <select id="f-sort" name="sort" defaultValue={query.sort} className={field}>
            {SECRET_SORTS.map((s) => (
              <option key={s} value={s}>{SORT_LABEL[s]}</option>
            ))}
          </select>
        </Field>
        <div className="flex items-center gap-3 pb-1">
          <label htmlFor="f-deleted" className="flex items-center gap-1.5 text-xs font-medium">
            <input id="f-deleted" type="checkbox" name="deleted" value="show" defaultChecked={query.deleted === "show"} className="rounded border-slate-300" />
            Show deleted
          </label>
          <button className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">Filter</button>
          <Link href="/secrets" className="text-sm text-slate-600 hover:underline dark:text-slate-400">Clear</Link>
        </div>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mb-3 text-sm text-rose-700 dark:text-rose-300">
          Some filters were invalid and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      ) : null}

      <Card>
        {page.data.length === 0 ? (
          <div className="p-5">
            <EmptyState title={filtered ? "No secrets match these filters" : "No secrets recorded yet"}>
              {filtered ? "Widen the filters or clear them." : "Run a sync from AWS Secrets Manager, or ask the platform team to."}
            </EmptyState>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="secrets-table">
              <caption className="sr-only">Secret metadata, {SORT_LABEL[query.sort]}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">Name</th>
                  <th scope="col" className="hidden px-3 py-2 font-medium 2xl:table-cell">Environment</th>
                  <th scope="col" className="px-3 py-2 font-medium">Type · tool</th>
                  <th scope="col" className="px-3 py-2 font-medium">Rotation</th>
                  <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">Last rotated</th>
                  <th scope="col" className="px-3 py-2 font-medium">Next due</th>
                  <th scope="col" className="px-3 py-2 font-medium">Owner</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {page.data.map((s) => (
                  <tr key={s.id} data-testid="secret-row" className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                    <td className="whitespace-nowrap px-5 py-2">
                      <Link href={`/secrets/${s.id}`} className="font-mono text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">{s.name}</Link>
                      {s.deletedAt ? <Badge className="ml-2">deleted</Badge> : null}
                    </td>
                    <td className="hidden px-3 py-2 2xl:table-cell">{s.environment.name}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {TYPE_LABEL[s.type]}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">{TOOL_LABEL[s.tool]}</span>
                    </td>
                    <td className="px-3 py-2">
                      <RotationBadge status={s.rotation.status} />
                      <span className="block whitespace-nowrap text-xs text-slate-600 dark:text-slate-400">{POLICY_LABEL[s.rotationPolicy]} · every {s.rotation.periodDays}d</span>
                    </td>
                    <td className="hidden whitespace-nowrap px-3 py-2 tabular-nums lg:table-cell">{day(s.lastRotatedAt)}</td>
                    <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                      {day(s.rotation.dueAt)}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">{s.rotation.dueAt ? dueText(s.rotation.daysLeft) : ""}</span>
                    </td>
                    <td className="px-3 py-2">{s.owner || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <nav className="mt-4 flex justify-between text-sm" aria-label="Pages">
        {query.cursor ? <Link href={href({ cursor: undefined })} className="text-indigo-700 hover:underline dark:text-indigo-300">← First page</Link> : <span />}
        {page.nextCursor ? (
          <Link href={href({ cursor: page.nextCursor })} className="text-indigo-700 hover:underline dark:text-indigo-300" data-testid="next-page">Next page →</Link>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">End of the list</span>
        )}
      </nav>
    </>
  );
}
