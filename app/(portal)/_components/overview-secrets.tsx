import Link from "next/link";
import type { Principal } from "@/lib/authz";
import { rotationSummary } from "@/lib/data/secrets/rotation-summary";
import { Card, CardHeader } from "@/components/ui/card";

/** The overview's secrets panel: per environment the caller may read secrets of, the rotation summary. */
export async function OverviewSecrets({ user }: { user: Principal }) {
  const rows = await rotationSummary(user);
  if (rows.length === 0) return null;
  const cell = (slug: string, rotation: string, n: number, bad: string) => (
    <td className="px-3 py-2 text-right tabular-nums">
      {n ? (
        <Link href={`/secrets?environment=${slug}&rotation=${rotation}`} className={`font-semibold hover:underline ${bad}`}>{n}</Link>
      ) : (
        <span className="text-slate-500 dark:text-slate-400">0</span>
      )}
    </td>
  );
  return (
    <Card data-testid="overview-secrets">
      <CardHeader title="Secret rotation" description="Per environment; metadata only" actions={<Link href="/secrets" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Secrets →</Link>} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Secret rotation status per environment</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">Environment</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Overdue</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Never rotated</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Due soon</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">OK</th>
              <th scope="col" className="px-5 py-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map(({ slug, name, summary: s }) => (
              <tr key={slug}>
                <th scope="row" className="px-5 py-2 font-medium">
                  <Link href={`/secrets?environment=${slug}`} className="hover:underline">{name}</Link>
                </th>
                {cell(slug, "overdue", s.overdue, "text-rose-700 dark:text-rose-300")}
                {cell(slug, "never_rotated", s.never_rotated, "text-rose-700 dark:text-rose-300")}
                {cell(slug, "due_soon", s.due_soon, "text-amber-700 dark:text-amber-300")}
                {cell(slug, "ok", s.ok, "text-emerald-700 dark:text-emerald-300")}
                <td className="px-5 py-2 text-right tabular-nums">{s.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
