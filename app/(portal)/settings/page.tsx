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
import { listNotificationEndpoints } from "@/lib/data/notifications/list-endpoints";
import { listNotificationDeliveries } from "@/lib/data/notifications/list-deliveries";
import { CreateEndpointForm } from "./_components/create-endpoint-form";
import { EndpointRow } from "./_components/endpoint-row";
import { NotificationDeliveriesTable } from "./_components/notification-deliveries-table";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePage("settings");
  const platform = hasRole(user, "platform");
  const [tokens, deliveries, endpoints, outgoing] = await Promise.all([
    listTokens(user),
    platform ? listDeliveries(user, { limit: 50 }) : null,
    platform ? listNotificationEndpoints(user) : null,
    platform ? listNotificationDeliveries(user, { limit: 50 }) : null,
  ]);
  return (
    <>
      <PageHeader title="Settings" description="API tokens for scripts and CI, and (for the platform team) notification webhooks and webhook deliveries." />
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
        {endpoints && outgoing ? (
          <>
            <Card id="notifications">
              <CardHeader
                title="Notification webhooks"
                description="Promotion events POSTed as signed JSON (X-Parity-Signature-256, HMAC-SHA256 of the body) to Slack, Teams or anything else; retried with backoff. See docs/promotions.md."
              />
              {endpoints.length ? (
                <ul className="divide-y divide-slate-200 border-b border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="endpoints">
                  {endpoints.map((e) => (
                    <EndpointRow key={`${e.id}:${e.version}`} endpoint={e} />
                  ))}
                </ul>
              ) : null}
              <CreateEndpointForm />
            </Card>
            <Card>
              <CardHeader title="Notification deliveries" description="The latest 50 outgoing deliveries: status, attempts and the receiver's last answer." />
              {outgoing.length ? <NotificationDeliveriesTable rows={outgoing} /> : <div className="p-5"><EmptyState title="Nothing sent yet">Add a webhook above and use “Send test”.</EmptyState></div>}
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
