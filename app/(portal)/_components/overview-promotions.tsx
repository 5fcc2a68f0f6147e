import Link from "next/link";
import type { Principal } from "@/lib/authz";
import { listPromotions } from "@/lib/data/promotions/list-promotions";
import { STATE_LABEL, STATE_TONE } from "@/lib/domain/promotion-state";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

/** The overview's panel: open promotions waiting on this person (approvals and sign-offs). */
export async function OverviewPromotions({ user }: { user: Principal }) {
  const page = await listPromotions(user, { tab: "waiting", limit: 5 });
  return (
    <Card data-testid="overview-promotions">
      <CardHeader
        title="Promotions waiting on you"
        description={page.items.length ? "Approvals and sign-offs your role may give" : undefined}
        actions={<Link href="/promotions?tab=waiting" className="text-sm text-indigo-700 underline dark:text-indigo-300">Queue</Link>}
      />
      {page.items.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {page.items.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
              <div className="min-w-0">
                <Link href={`/promotions/${p.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {p.service.name} {p.version}
                </Link>
                <span className="text-slate-600 dark:text-slate-400"> · {p.fromEnvironment.name} → {p.toEnvironment.name}</span>
                <p className="truncate text-xs text-slate-600 dark:text-slate-400">{p.readiness.summary} · by {p.requestedBy.name}</p>
              </div>
              <Badge tone={STATE_TONE[p.state]}>{STATE_LABEL[p.state]}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">Nothing is waiting on you.</p>
      )}
    </Card>
  );
}
