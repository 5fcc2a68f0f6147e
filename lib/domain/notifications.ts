// Outgoing promotion notifications: which transitions notify, what the body says,
// how it is signed and when a failed delivery is tried again. Pure: no I/O.
import { createHash, randomBytes } from "node:crypto";
import type { PromotionState } from "@/generated/prisma/enums";
import { signBody } from "./webhook-signature";

export const NOTIFICATION_EVENTS = [
  "promotion.requested",
  "promotion.awaiting_approval",
  "promotion.approved",
  "promotion.rejected",
  "promotion.deployed",
  "promotion.failed",
  "promotion.rolled_back",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
/** "Send test" sends this one, whatever the endpoint subscribes to. */
export const PING_EVENT = "ping";

export const EVENT_LABEL: Record<NotificationEvent, string> = {
  "promotion.requested": "Requested",
  "promotion.awaiting_approval": "Approval needed",
  "promotion.approved": "Approved",
  "promotion.rejected": "Rejected",
  "promotion.deployed": "Deployed",
  "promotion.failed": "Deploy failed",
  "promotion.rolled_back": "Rolled back",
};

const ON_ARRIVAL: Partial<Record<PromotionState, NotificationEvent>> = {
  awaiting_approval: "promotion.awaiting_approval",
  approved: "promotion.approved",
  rejected: "promotion.rejected",
  deployed: "promotion.deployed",
  failed: "promotion.failed",
  rolled_back: "promotion.rolled_back",
};

/** The event a transition announces, or null. Staying in a state (an approval short of the quota) announces nothing. */
export function eventForTransition(from: PromotionState, to: PromotionState): NotificationEvent | null {
  if (from === to) return null;
  return ON_ARRIVAL[to] ?? null;
}

export interface PromotionFacts {
  id: string;
  service: { slug: string; name: string };
  version: string;
  kind: string;
  from: { slug: string; name: string };
  to: { slug: string; name: string };
  state: PromotionState;
}

export interface NotificationBody {
  event: string;
  timestamp: string;
  actor: { email: string };
  promotion: { id: string; url: string; service: string; version: string; kind: string; source: string; target: string; state: PromotionState } | null;
  /** One readable line: Slack's incoming webhooks show `text` as the message as is. */
  text: string;
}

const VERB: Record<NotificationEvent, string> = {
  "promotion.requested": "requested",
  "promotion.awaiting_approval": "needs approval",
  "promotion.approved": "approved",
  "promotion.rejected": "rejected",
  "promotion.deployed": "deployed",
  "promotion.failed": "deploy failed",
  "promotion.rolled_back": "rolled back",
};

export function promotionUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/promotions/${encodeURIComponent(id)}`;
}

/** The body, serialised once: the stored string is exactly what is signed and sent on every attempt. */
export function promotionBody(event: NotificationEvent, p: PromotionFacts, actorEmail: string, at: Date, baseUrl: string): string {
  const url = promotionUrl(baseUrl, p.id);
  const body: NotificationBody = {
    event,
    timestamp: at.toISOString(),
    actor: { email: actorEmail },
    promotion: { id: p.id, url, service: p.service.slug, version: p.version, kind: p.kind, source: p.from.slug, target: p.to.slug, state: p.state },
    text: `${p.kind === "hotfix" ? "Hotfix: " : ""}${p.service.name} ${p.version} ${p.from.name} → ${p.to.name} ${VERB[event]} (${actorEmail}) ${url}`,
  };
  return JSON.stringify(body);
}

export function pingBody(endpointName: string, actorEmail: string, at: Date): string {
  const body: NotificationBody = { event: PING_EVENT, timestamp: at.toISOString(), actor: { email: actorEmail }, promotion: null, text: `Parity test notification for “${endpointName}” (${actorEmail})` };
  return JSON.stringify(body);
}

/** The request headers of one attempt. The delivery id and the timestamp are the same on every attempt. */
export function deliveryHeaders(d: { id: string; event: string; body: string; createdAt: Date }, secret: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Parity-Notifications/1",
    "x-parity-event": d.event,
    "x-parity-delivery": d.id,
    "x-parity-timestamp": String(Math.floor(d.createdAt.getTime() / 1000)),
    "x-parity-signature-256": signBody(secret, d.body),
  };
}

export interface RetryPolicy {
  maxAttempts: number;
  /** The wait after the first failed attempt; each later one doubles it. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 30_000 };

/** What to do after attempt number `attempt` (1-based) failed: try again after `delayMs`, or give up. */
export function afterFailure(attempt: number, retryable: boolean, policy: RetryPolicy): { retry: true; delayMs: number } | { retry: false } {
  if (!retryable || attempt >= policy.maxAttempts) return { retry: false };
  return { retry: true, delayMs: policy.baseDelayMs * 2 ** (attempt - 1) };
}

/** Timeouts, network errors, 5xx, 408 and 429 may pass; a redirect or another 4xx will not, so it is not retried. */
export function isRetryable(status: number | null): boolean {
  if (status === null) return true;
  return status >= 500 || status === 408 || status === 429;
}

/** A new signing secret: shown once; only the sender reads it back. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** What the portal shows instead of the secret: enough to tell two secrets apart, useless for signing. */
export function secretFingerprint(secret: string): string {
  return `sha256:${createHash("sha256").update(secret).digest("hex").slice(0, 12)}`;
}

/**
 * Slack's and Teams' webhook URLs carry their credential in the path, so a URL is
 * shown and audited like a secret: scheme, host and the last four characters.
 */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = url.slice(`${u.protocol}//${u.host}`.length);
    return `${u.protocol}//${u.host}${rest.length > 5 ? `/…${rest.slice(-4)}` : rest}`;
  } catch {
    return "(invalid URL)";
  }
}
