"use client";
// The overview panels' bodies, rendered from compact rows the server components read
// (with every access check) and pass down. Client components because a list of
// server-rendered elements costs several times more per request than the same list
// rendered from its data: each element would be serialised, parsed and inlined again.
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import type { RotationSummary } from "@/lib/domain/rotation";
import type { PromotionState } from "@/generated/prisma/enums";
import { STATE_LABEL, STATE_TONE } from "@/lib/domain/promotion-state";
import { Badge } from "@/components/ui/badge";
import { DeploymentStatusBadge } from "@/app/(portal)/deployments/_components/status-badge";
import { formatWhen } from "@/app/(portal)/deployments/_components/format";

export interface WaitingRow {
  id: string;
  service: string;
  version: string;
  from: string;
  to: string;
  summary: string;
  requestedBy: string;
  state: PromotionState;
}

export function WaitingList({ rows }: { rows: WaitingRow[] }) {
  if (!rows.length) return <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">Nothing is waiting on you.</p>;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {rows.map((p) => (
        <li key={p.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
          <div className="min-w-0">
            <Link href={`/promotions/${p.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {p.service} {p.version}
            </Link>
            <span className="text-slate-600 dark:text-slate-400"> · {p.from} → {p.to}</span>
            <p className="truncate text-xs text-slate-600 dark:text-slate-400">{p.summary} · by {p.requestedBy}</p>
          </div>
          <Badge tone={STATE_TONE[p.state]}>{STATE_LABEL[p.state]}</Badge>
        </li>
      ))}
    </ul>
  );
}

export interface DeployRow {
  id: string;
  service: string;
  version: string;
  environment: string;
  startedAt: Date;
  triggeredBy: string;
  status: string;
}

export function DeployList({ rows }: { rows: DeployRow[] }) {
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {rows.map((d) => (
        <li key={d.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
          <div className="min-w-0">
            <Link href={`/deployments/${d.id}`} className="font-medium hover:underline">{d.service}</Link>{" "}
            <span className="font-mono text-xs">{d.version}</span>
            <span className="text-slate-600 dark:text-slate-400"> → {d.environment}</span>
            <div className="text-xs text-slate-500 dark:text-slate-400">{formatWhen(d.startedAt)} · {d.triggeredBy}</div>
          </div>
          <DeploymentStatusBadge status={d.status} />
        </li>
      ))}
    </ul>
  );
}

const ROTATION_COLUMNS = [
  { key: "overdue", label: "Overdue", tone: "text-rose-700 dark:text-rose-300" },
  { key: "never_rotated", label: "Never rotated", tone: "text-rose-700 dark:text-rose-300" },
  { key: "due_soon", label: "Due soon", tone: "text-amber-700 dark:text-amber-300" },
  { key: "ok", label: "OK", tone: "text-emerald-700 dark:text-emerald-300" },
] as const;

export function RotationTable({ rows }: { rows: { slug: string; name: string; summary: RotationSummary }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Secret rotation status per environment</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">Environment</th>
            {ROTATION_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-right font-medium">{c.label}</th>
            ))}
            <th scope="col" className="px-5 py-2 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map(({ slug, name, summary: s }) => (
            <tr key={slug}>
              <th scope="row" className="px-5 py-2 font-medium">
                <RowLink href={`/secrets?environment=${slug}`} className="hover:underline">{name}</RowLink>
              </th>
              {ROTATION_COLUMNS.map((c) => (
                <td key={c.key} className="px-3 py-2 text-right tabular-nums">
                  {s[c.key] ? (
                    <RowLink href={`/secrets?environment=${slug}&rotation=${c.key}`} className={`font-semibold hover:underline ${c.tone}`}>{s[c.key]}</RowLink>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">0</span>
                  )}
                </td>
              ))}
              <td className="px-5 py-2 text-right tabular-nums">{s.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
