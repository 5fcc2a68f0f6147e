import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guards";
import { hasRole } from "@/lib/authz";
import { listTokens } from "@/lib/data/tokens/list-tokens";
import { listDeliveries } from "@/lib/data/webhooks/list-deliveries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateTokenForm } from "./_components/create-token-form";
import { TokensTable } from "./_components/tokens-table";
import { DeliveriesTable } from "./_components/deliveries-table";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePage("settings");
  const platform = hasRole(user, "platform");
  const [tokens, deliveries] = await Promise.all([listTokens(user), platform ? listDeliveries(user, { limit: 50 }) : null]);
  return (
    <>
      <PageHeader title="Settings" description="API tokens for scripts and CI, and (for the platform team) webhook deliveries." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Create an API token" description="Use it as Authorization: Bearer <token>. Shown once; only its hash is stored." />
          <CreateTokenForm mayCreateCi={platform} />
        </Card>
        <Card>
          <CardHeader title={platform ? "All API tokens" : "Your API tokens"} description="Revoking takes effect on the next request." />
          {tokens.data.length ? <TokensTable tokens={tokens.data} showOwner={platform} /> : <div className="p-5"><EmptyState title="No tokens yet" /></div>}
        </Card>
        {deliveries ? (
          <Card>
            <CardHeader title="GitHub webhook deliveries" description="The latest 50: headers (never the signature or secret) and what Parity did with each." />
            {deliveries.data.length ? <DeliveriesTable rows={deliveries.data} /> : <div className="p-5"><EmptyState title="No deliveries yet">Point a GitHub webhook at /api/webhooks/github with GITHUB_WEBHOOK_SECRET as its secret.</EmptyState></div>}
          </Card>
        ) : null}
      </div>
    </>
  );
}
