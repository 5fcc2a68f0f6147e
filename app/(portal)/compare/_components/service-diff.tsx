import Link from "next/link";
import type { ServiceComparison } from "@/lib/data/compare/compare-environments";
import { parityTone } from "@/lib/domain/parity";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { DiffTable } from "./diff-table";

type Env = { slug: string; name: string; canManage: boolean };

/** One service's side-by-side diff; opens by itself when something differs. */
export function ServiceDiff({ service: s, from, to, filtered, fullHref }: { service: ServiceComparison & { moreRows?: number }; from: Env; to: Env; filtered: boolean; fullHref: string | null }) {
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
            <DiffTable service={s.slug} caption={`${s.name}: ${from.name} compared with ${to.name}`} rows={s.rows} from={{ slug: from.slug, name: from.name }} to={{ slug: to.slug, name: to.name }} canManage={to.canManage} />
            {s.moreRows ? (
              <p className="border-t border-slate-200 px-5 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400" data-testid="more-rows">
                …and {s.moreRows} more {s.moreRows === 1 ? "row" : "rows"}{fullHref ? <>: <Link href={fullHref} className="text-indigo-700 hover:underline dark:text-indigo-300">open {s.name} alone</Link></> : null}
              </p>
            ) : null}
          </div>
        )}
      </details>
      {fullHref ? <Link href={fullHref} className="absolute right-5 top-4 text-xs text-indigo-700 hover:underline dark:text-indigo-300">All {s.counts.total} keys →</Link> : null}
    </div>
  );
}
