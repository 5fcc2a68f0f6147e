import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guards";
import { hasRole } from "@/lib/authz";
import { listPromotions } from "@/lib/data/promotions/list-promotions";
import { countWaitingOn } from "@/lib/data/promotions/count-waiting-on";
import { STATE_LABEL, STATE_TONE, PROMOTION_STATES } from "@/lib/domain/promotion-state";
import { ZQueueQuerySchema, type TQueueQuery } from "@/lib/validations/promotions";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import { buttonClass } from "./_components/button-class";

export const metadata: Metadata = { title: "Promotions" };

const TABS: { key: TQueueQuery["tab"]; label: string }[] = [
  { key: "waiting", label: "Waiting on me" },
  { key: "mine", label: "My requests" },
  { key: "all", label: "All" },
];

function href(q: Partial<TQueueQuery>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "" && !(k === "limit" && v === 25)) params.set(k, String(v));
  const s = params.toString();
  return s ? `/promotions?${s}` : "/promotions";
}

const age = (d: Date) => {
  const h = Math.floor((Date.now() - d.getTime()) / 3_600_000);
  return h < 1 ? "just now" : h < 48 ? `${h} h ago` : `${Math.floor(h / 24)} d ago`;
};

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePage("promotions");
  const sp = await searchParams;
  const query = ZQueueQuerySchema.parse({ ...sp, tab: sp.tab ?? "waiting" });
  const [page, waiting] = await Promise.all([listPromotions(user, query), countWaitingOn(user)]);
  return (
    <>
      <PageHeader
        title="Promotions"
        description="Versions moving between environments: their gates, approvals and deploy windows."
        actions={
          <div className="flex gap-2">
            <Link href="/promotions/policies" className={buttonClass("plain")}>
              {hasRole(user, "platform") ? "Edit policies" : "Policies"}
            </Link>
            <Link href="/promotions/new" className={buttonClass()}>
              Request a promotion
            </Link>
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Queue" className="flex gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800">
          {TABS.map((t) => (
            <Link
              key={t.key}
              href={href({ tab: t.key, state: query.state })}
              aria-current={query.tab === t.key ? "page" : undefined}
              className={cn("rounded-md px-3 py-1.5 text-sm font-medium", query.tab === t.key ? "bg-white shadow-sm dark:bg-slate-900" : "text-slate-700 hover:text-slate-900 dark:text-slate-300")}
            >
              {t.label}
              {t.key === "waiting" ? <span className="ml-1.5 rounded-full bg-indigo-600 px-1.5 text-xs text-white" data-testid="waiting-count">{waiting}</span> : null}
            </Link>
          ))}
        </nav>
        <form method="get" className="flex items-end gap-2">
          <input type="hidden" name="tab" value={query.tab} />
          <label className="text-sm font-medium">
            State
            <select name="state" defaultValue={query.state ?? ""} className="ml-2 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
              <option value="">any</option>
              <option value="open">open</option>
              {PROMOTION_STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABEL[s].toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <button className={buttonClass("plain")}>Filter</button>
        </form>
      </div>
      {page.items.length ? (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Promotions, newest first</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2">Service</th>
                <th scope="col" className="px-4 py-2">Path</th>
                <th scope="col" className="px-4 py-2">State</th>
                <th scope="col" className="px-4 py-2">Readiness</th>
                <th scope="col" className="px-4 py-2">Requested</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {page.items.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50" data-testid="promotion-row">
                  <td className="px-4 py-2.5">
                    <Link href={`/promotions/${p.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      {p.service.name} {p.version}
                    </Link>
                    {p.kind === "hotfix" ? <Badge tone="bad" className="ml-2">hotfix</Badge> : null}
                  </td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{p.fromEnvironment.name} → {p.toEnvironment.name}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={STATE_TONE[p.state]} className="whitespace-nowrap">{STATE_LABEL[p.state]}</Badge>
                  </td>
                  <td className="px-4 py-2.5 text-slate-700 dark:text-slate-300">
                    {["deployed", "rejected", "failed", "rolled_back", "cancelled", "expired"].includes(p.state) ? "—" : p.readiness.summary}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">gates {p.gates.done}/{p.gates.total}</span>
                  </td>
                  <td className="px-4 py-2.5 whitespace-nowrap">
                    {p.requestedBy.name}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{age(p.createdAt)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.nextCursor || query.cursor ? (
            <div className="flex justify-between border-t border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
              {query.cursor ? <Link href={href({ tab: query.tab, state: query.state })} className="text-indigo-700 underline dark:text-indigo-300">First page</Link> : <span />}
              {page.nextCursor ? <Link href={href({ tab: query.tab, state: query.state, cursor: page.nextCursor })} className="text-indigo-700 underline dark:text-indigo-300">Older</Link> : null}
            </div>
          ) : null}
        </Card>
      ) : (
        <EmptyState title={query.tab === "waiting" ? "Nothing is waiting on you" : query.tab === "mine" ? "You have not requested any promotions" : "No promotions match"}>
          {query.tab === "waiting" ? "Approvals and sign-offs your role may give will appear here." : <Link href="/promotions/new" className="text-indigo-700 underline dark:text-indigo-300">Request a promotion</Link>}
        </EmptyState>
      )}
    </>
  );
}
