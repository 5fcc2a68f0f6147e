import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orNotFound, requirePage } from "@/lib/auth/guards";
import { getSecret } from "@/lib/data/secrets/get-secret";
import { ZSecretIdSchema } from "@/lib/validations/secrets";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { RotationBadge } from "../_components/rotation-badge";
import { POLICY_LABEL, TOOL_LABEL, TYPE_LABEL, day, dueText } from "../_components/labels";
import { DetailList } from "@/components/ui/detail-list";

export const metadata: Metadata = { title: "Secret" };

type Params = { params: Promise<{ id: string }> };

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "name" || b.name !== a.name);
  if (!keys.length) return null;
  const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return (
    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-xs">
      {keys.map((k) => (
        <div key={k} className="contents">
          <dt className="font-mono text-slate-500 dark:text-slate-400">{k}</dt>
          <dd className="break-all">
            {k in b ? <span className="text-rose-700 line-through dark:text-rose-300">{show(b[k])}</span> : null} {k in a ? <span className="text-emerald-700 dark:text-emerald-300">{show(a[k])}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default async function SecretPage({ params }: Params) {
  const user = await requirePage("secrets");
  const id = ZSecretIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const s = await orNotFound(getSecret(user, id.data));
  const facts: [string, React.ReactNode][] = [
    ["Environment", <Link key="env" href={`/environments/${s.environment.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{s.environment.name}</Link>],
    ["Type", TYPE_LABEL[s.type]],
    ["Tool", TOOL_LABEL[s.tool]],
    ["Storage", s.storage],
    ["Rotation policy", `${POLICY_LABEL[s.rotationPolicy]}, every ${s.rotation.periodDays} days${s.rotationDays ? "" : " (default for the type)"}`],
    ["Last rotated", day(s.lastRotatedAt)],
    ["Next rotation due", s.rotation.dueAt ? `${day(s.rotation.dueAt)} (${dueText(s.rotation.daysLeft)})` : "—"],
    ["Owner", s.owner || "—"],
    ["Source id (ARN)", s.sourceId ? <code key="arn" className="break-all font-mono text-xs">{s.sourceId}</code> : "—"],
    ["Recorded from", s.origin === "aws" ? "AWS Secrets Manager sync" : s.origin],
    ["Last synced", s.syncedAt ? `${s.syncedAt.toISOString().replace("T", " ").slice(0, 16)} UTC` : "never"],
    ["Description", s.description || "—"],
  ];
  const tags = Object.entries(s.tags);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/secrets" className="text-indigo-700 hover:underline dark:text-indigo-300">← Secrets</Link>
      </p>
      <PageHeader
        title={s.name}
        description="Metadata only. Parity never reads, stores or shows a secret's value."
        actions={
          <div className="flex items-center gap-2">
            <RotationBadge status={s.rotation.status} />
            {s.deletedAt ? <Badge tone="neutral">deleted {day(s.deletedAt)}</Badge> : null}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Metadata" />
          <DetailList items={facts} />
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Who may access it" description="IAM roles and principals" />
            {s.principals.length ? (
              <ul className="space-y-1 p-5 font-mono text-xs" data-testid="principals">
                {s.principals.map((p) => <li key={p} className="break-all">{p}</li>)}
              </ul>
            ) : (
              <p className="p-5 text-sm text-slate-600 dark:text-slate-400">No principals recorded.</p>
            )}
          </Card>
          <Card>
            <CardHeader title="Tags" />
            {tags.length ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 p-5 text-sm">
                {tags.map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="font-mono text-xs text-slate-600 dark:text-slate-400">{k}</dt>
                    <dd className="break-all">{v}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="p-5 text-sm text-slate-600 dark:text-slate-400">No tags.</p>
            )}
          </Card>
        </div>
      </div>
      <Card className="mt-6">
        <CardHeader title="Referenced by" description="Services whose secret config layer points at this name" />
        {s.references.length ? (
          <table className="w-full text-left text-sm" data-testid="references">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">Service</th>
                <th scope="col" className="px-3 py-2 font-medium">Environment</th>
                <th scope="col" className="px-3 py-2 font-medium">Config key</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {s.references.map((r) => (
                <tr key={`${r.environment.slug}/${r.service.slug}/${r.key}`}>
                  <td className="px-5 py-2">{r.service.name}</td>
                  <td className="px-3 py-2">
                    <Link href={`/environments/${r.environment.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{r.environment.name}</Link>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{r.key}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="p-5">
            <EmptyState title="No service references this secret">No secret config layer in an environment you may read names it.</EmptyState>
          </div>
        )}
      </Card>
      <Card className="mt-6">
        <CardHeader title="History" description="From the audit trail: syncs and changes to this record" />
        {s.history.length ? (
          <ol className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="history">
            {s.history.map((h) => (
              <li key={h.id} className="px-5 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span className="font-semibold">{h.action}</span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {h.actorLabel} · <time dateTime={h.createdAt.toISOString()}>{h.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
                  </span>
                </div>
                <Changes before={h.before} after={h.after} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="p-5 text-sm text-slate-600 dark:text-slate-400">No recorded changes since this secret was first recorded ({day(s.createdAt)}).</p>
        )}
      </Card>
    </>
  );
}
