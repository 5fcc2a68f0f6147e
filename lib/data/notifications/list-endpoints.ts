import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { maskUrl } from "@/lib/domain/notifications";
import { mayManageNotifications } from "./authorize";

export interface EndpointRow {
  id: string;
  name: string;
  url: string;
  fingerprint: string;
  events: string[];
  enabled: boolean;
  version: number;
  createdAt: Date;
}

/**
 * The outgoing webhooks (platform only; anyone else: not found). The secret is never
 * selected and the URL comes back masked (it is a credential for Slack and Teams).
 */
export async function listNotificationEndpoints(principal: Principal): Promise<EndpointRow[]> {
  if (!mayManageNotifications(principal)) throw notFound();
  const rows = await db().notificationEndpoint.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, name: true, url: true, fingerprint: true, events: true, enabled: true, version: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, url: maskUrl(r.url) }));
}
