import Link from "next/link";
import type { ComparePage } from "@/lib/data/compare/compare-page";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

const policy = (s: { rotationPolicy: string; rotationDays: number | null } | null) => (s ? `${s.rotationPolicy.replace(/_/g, " ")}${s.rotationDays ? `, ${s.rotationDays}d` : ""}` : "—");

/** Secret metadata differences (names without the environment prefix), a page at a time; never values. */
export function SecretDiff({ secrets, from, to, nextHref, firstHref }: { secrets: ComparePage["secrets"]; from: string; to: string; nextHref: string | null; firstHref: string | null }) {
  return (
    <Card data-testid="secret-diff" id="secret-diff" className="scroll-mt-6">
      <CardHeader title="Secret metadata" description={`Secrets in one environment only, or with a different type, tool or rotation (${from} → ${to})`} />
      {secrets === null ? (
        <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">Comparing secret metadata needs read access on both environments.</p>
      ) : secrets.total === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">The secrets match: same names, types, tools and rotation.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Secret metadata differences</caption>
            <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="px-5 py-2 font-medium">Secret</th>
                <th scope="col" className="px-3 py-2 font-medium">{from}</th>
                <th scope="col" className="px-3 py-2 font-medium">{to}</th>
                <th scope="col" className="px-3 py-2 font-medium">Differs in</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {secrets.differences.map((s) => (
                <tr key={s.path}>
                  <td className="px-5 py-1.5 font-mono text-xs">{s.path}</td>
                  <td className="px-3 py-1.5 text-xs">{policy(s.from)}</td>
                  <td className="px-3 py-1.5 text-xs">{policy(s.to)}</td>
                  <td className="px-3 py-1.5">{s.differences.map((d) => <Badge key={d} tone="warn" className="mr-1">{d}</Badge>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {secrets.total > secrets.differences.length ? (
            <p className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-5 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <span>{secrets.differences.length ? `${secrets.startAt + 1}–${secrets.startAt + secrets.differences.length}` : "None"} of {secrets.total} differences</span>
              {firstHref ? <Link href={firstHref} className="text-indigo-700 hover:underline dark:text-indigo-300">First</Link> : null}
              {nextHref ? <Link href={nextHref} className="text-indigo-700 hover:underline dark:text-indigo-300">Next secrets →</Link> : null}
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
