import Link from "next/link";
import type { Principal } from "@/lib/authz";
import { rotationSummary } from "@/lib/data/secrets/rotation-summary";
import { Card, CardHeader } from "@/components/ui/card";
import { RotationTable } from "./overview-views";

/** The overview's secrets panel: per environment the caller may read secrets of, the rotation summary. */
export async function OverviewSecrets({ user }: { user: Principal }) {
  const rows = await rotationSummary(user);
  if (rows.length === 0) return null;
  return (
    <Card data-testid="overview-secrets">
      <CardHeader title="Secret rotation" description="Per environment; metadata only" actions={<Link href="/secrets" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Secrets →</Link>} />
      <RotationTable rows={rows} />
    </Card>
  );
}
