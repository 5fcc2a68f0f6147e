import Link from "next/link";
import type { Principal } from "@/lib/authz";
import { listPromotions } from "@/lib/data/promotions/list-promotions";
import { Card, CardHeader } from "@/components/ui/card";
import { WaitingList } from "./overview-views";

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
      <WaitingList rows={page.items.map((p) => ({ id: p.id, service: p.service.name, version: p.version, from: p.fromEnvironment.name, to: p.toEnvironment.name, summary: p.readiness.summary, requestedBy: p.requestedBy.name, state: p.state }))} />
    </Card>
  );
}
