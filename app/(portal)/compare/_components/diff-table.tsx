"use client";

// The rows of one service's diff. A client component fed the rows as data: the page
// shows hundreds of rows, and sending them as data instead of as a rendered element tree
// keeps the server's work and the response to about half (the HTML is the same).
import { RowLink } from "@/components/ui/row-link";
import type { CompareRow } from "@/lib/data/compare/compare-core";
import type { ShownValue } from "@/lib/data/config/config-view";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LayerBadge, ValueText, keyHref } from "./config-bits";
import { MarkIntended, UnmarkIntended } from "./intended-controls";

const STATUS = {
  added: { label: "added", row: "bg-emerald-50/60 dark:bg-emerald-950/30", tone: "good" },
  removed: { label: "removed", row: "bg-rose-50/60 dark:bg-rose-950/30", tone: "bad" },
  changed: { label: "changed", row: "bg-amber-50/60 dark:bg-amber-950/30", tone: "warn" },
  identical: { label: "identical", row: "", tone: "neutral" },
} as const;

type Env = { slug: string; name: string };

function Side({ side }: { side: ShownValue | null }) {
  if (!side) return <span className="text-xs italic text-slate-500 dark:text-slate-400">not set</span>;
  return (
    <span className="flex items-start gap-1.5">
      <LayerBadge layer={side.layer} />
      <ValueText value={side.value} masked={side.masked} layer={side.layer} />
    </span>
  );
}

export function DiffTable({ service, caption, rows, from, to, canManage }: { service: string; caption: string; rows: readonly CompareRow[]; from: Env; to: Env; canManage: boolean }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <colgroup><col className="w-[22%]" /><col className="w-[31%]" /><col className="w-[31%]" /><col className="w-[16%]" /></colgroup>
      <thead className="sticky top-0 z-10 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        <tr>
          <th scope="col" className="px-5 py-2 font-medium">Key</th>
          <th scope="col" className="px-3 py-2 font-medium">{from.name}</th>
          <th scope="col" className="px-3 py-2 font-medium">{to.name}</th>
          <th scope="col" className="px-3 py-2 font-medium">Status</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((r) => (
          <tr key={r.key} className={cn(r.intended ? "bg-indigo-50/50 dark:bg-indigo-950/30" : STATUS[r.status].row)} data-testid="diff-row" data-key={r.key} data-status={r.intended ? "intended" : r.status}>
            <td className="break-all px-5 py-1.5 align-top font-mono text-xs">
              <RowLink href={keyHref(r.to ? to.slug : from.slug, service, r.key)} className="hover:underline">{r.key}</RowLink>
            </td>
            <td className="px-3 py-1.5 align-top"><Side side={r.from} /></td>
            <td className="px-3 py-1.5 align-top"><Side side={r.to} /></td>
            <td className="px-3 py-1.5 align-top">
              {r.intended ? (
                <div className="space-y-0.5">
                  <Badge tone="info">intended</Badge>
                  <p className="text-xs text-slate-700 dark:text-slate-300">“{r.intended.reason}”</p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">{r.intended.markedBy}, {new Date(r.intended.markedAt).toISOString().slice(0, 10)}</p>
                  {canManage ? <UnmarkIntended from={from.slug} to={to.slug} service={service} keyName={r.key} /> : null}
                </div>
              ) : (
                <div className="space-y-1">
                  <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
                  {r.status !== "identical" && canManage ? <MarkIntended from={from.slug} to={to.slug} service={service} keyName={r.key} /> : null}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
