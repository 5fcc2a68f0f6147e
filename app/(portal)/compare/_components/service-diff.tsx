import Link from "next/link";
import type { ServiceComparison } from "@/lib/data/compare/compare-environments";
import type { ShownValue } from "@/lib/data/config/config-view";
import { parityTone } from "@/lib/domain/parity";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LayerBadge, ValueText, keyAnchor } from "./config-bits";
import { MarkIntended, UnmarkIntended } from "./intended-controls";

const STATUS = {
  added: { label: "added", row: "bg-emerald-50/60 dark:bg-emerald-950/30", tone: "good" },
  removed: { label: "removed", row: "bg-rose-50/60 dark:bg-rose-950/30", tone: "bad" },
  changed: { label: "changed", row: "bg-amber-50/60 dark:bg-amber-950/30", tone: "warn" },
  identical: { label: "identical", row: "", tone: "neutral" },
} as const;

type Env = { slug: string; name: string; canManage: boolean };

function Side({ side }: { side: ShownValue | null }) {
  if (!side) return <span className="text-xs italic text-slate-500 dark:text-slate-400">not set</span>;
  return (
    <span className="flex items-start gap-1.5">
      <LayerBadge layer={side.layer} />
      <ValueText value={side.value} masked={side.masked} layer={side.layer} />
    </span>
  );
}

/** One service's side-by-side diff; opens by itself when something differs. */
export function ServiceDiff({ service: s, from, to, filtered, fullHref }: { service: ServiceComparison; from: Env; to: Env; filtered: boolean; fullHref: string | null }) {
  const differs = s.counts.added + s.counts.removed + s.counts.changed > 0;
  return (
    // The "all keys" link sits beside the summary, not in it: a link inside a <summary> is a control inside a control.
    <div id={`svc-${s.slug}`} className="relative scroll-mt-6 rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="service-diff">
      <details open={differs || filtered} className="group">
        <summary className={cn("flex cursor-pointer list-none flex-wrap items-center gap-3 rounded-xl py-3 pl-5", fullHref ? "pr-32" : "pr-5")}>
          <span aria-hidden className="text-slate-400 transition group-open:rotate-90">▸</span>
          <h2 className="text-base font-semibold">{s.name}</h2>
          <Badge tone={parityTone(s.parity.score)}>parity {s.parity.score}%</Badge>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {s.counts.added} added · {s.counts.removed} removed · {s.counts.changed} changed · {s.counts.intended} intended · {s.counts.identical} identical
          </span>
          <span className="ml-auto font-mono text-xs text-slate-600 dark:text-slate-400">deployed {s.deployed.from ?? "—"} → {s.deployed.to ?? "—"}</span>
        </summary>
        {s.rows.length === 0 ? (
          <p className="border-t border-slate-200 px-5 py-3 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">{s.counts.total === 0 ? "No config in either environment." : filtered ? "Nothing differs here (or nothing matches the filters)." : "No config in either environment."}</p>
        ) : (
          <div className="max-h-[70vh] scroll-pt-10 scroll-pb-2 overflow-auto border-t border-slate-200 dark:border-slate-800">
            <table className="w-full table-fixed text-left text-sm">
              <caption className="sr-only">{s.name}: {from.name} compared with {to.name}</caption>
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
                {s.rows.map((r) => (
                  <tr key={r.key} className={cn(r.intended ? "bg-indigo-50/50 dark:bg-indigo-950/30" : STATUS[r.status].row)} data-testid="diff-row" data-key={r.key} data-status={r.intended ? "intended" : r.status}>
                    <td className="break-all px-5 py-1.5 align-top font-mono text-xs">
                      <Link href={`/environments/${r.to ? to.slug : from.slug}/services/${s.slug}#${keyAnchor(r.key)}`} className="hover:underline">{r.key}</Link>
                    </td>
                    <td className="px-3 py-1.5 align-top"><Side side={r.from} /></td>
                    <td className="px-3 py-1.5 align-top"><Side side={r.to} /></td>
                    <td className="px-3 py-1.5 align-top">
                      {r.intended ? (
                        <div className="space-y-0.5">
                          <Badge tone="info">intended</Badge>
                          <p className="text-xs text-slate-700 dark:text-slate-300">“{r.intended.reason}”</p>
                          <p className="text-xs text-slate-500 dark:text-slate-400">{r.intended.markedBy}, {r.intended.markedAt.toISOString().slice(0, 10)}</p>
                          {to.canManage ? <UnmarkIntended from={from.slug} to={to.slug} service={s.slug} keyName={r.key} /> : null}
                        </div>
                      ) : (
                        <div className="space-y-1">
                          <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
                          {r.status !== "identical" && to.canManage ? <MarkIntended from={from.slug} to={to.slug} service={s.slug} keyName={r.key} /> : null}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
      {fullHref ? <Link href={fullHref} className="absolute right-5 top-4 text-xs text-indigo-700 hover:underline dark:text-indigo-300">All {s.counts.total} keys →</Link> : null}
    </div>
  );
}
