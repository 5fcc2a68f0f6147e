import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import type { DeployWindow } from "@/lib/domain/deploy-window";
import type { PolicyRules } from "@/lib/domain/readiness";

export interface LoadedPolicy {
  environmentId: string;
  exists: boolean;
  version: number;
  rules: PolicyRules;
  window: DeployWindow;
  requiredGates: string[];
  hotfixRequiredGates: string[];
  expireAfterHours: number;
}

/** When an environment has no policy row: the safe default (one platform approval, any time). */
const FALLBACK = {
  requiredGates: [] as string[],
  approverRoles: ["platform"] as Role[],
  approvalsRequired: 1,
  allowSelfApproval: false,
  autoApprove: false,
  windowDays: [] as number[],
  windowStart: "00:00",
  windowEnd: "24:00",
  windowTimeZone: "Europe/London",
  hotfixAllowed: true,
  hotfixApproverRoles: ["eng_leader"] as Role[],
  hotfixApprovalsRequired: 1,
  hotfixRequiredGates: [] as string[],
  expireAfterHours: 72,
  version: 0,
};

/**
 * The rules and window of the policy for promotions into `environmentIds`, with
 * the freezes that have not ended. Internal: callers have already checked that the
 * principal may see the environment. Read at decision time, so an edit applies to
 * the very next request or decision.
 */
export async function loadPolicies(client: Db | Tx, environmentIds: string[], now = new Date()): Promise<Map<string, LoadedPolicy>> {
  const ids = [...new Set(environmentIds)];
  const [rows, freezes] = await Promise.all([
    client.policy.findMany({ where: { environmentId: { in: ids } } }),
    client.freezePeriod.findMany({ where: { environmentId: { in: ids }, endsAt: { gt: now } }, select: { environmentId: true, startsAt: true, endsAt: true, reason: true }, orderBy: { startsAt: "asc" } }),
  ]);
  return new Map(ids.map((id) => [id, toLoadedPolicy(id, rows.find((r) => r.environmentId === id) ?? null, freezes.filter((f) => f.environmentId === id))]));
}

type PolicyRow = typeof FALLBACK & { environmentId: string };
type FreezeRow = { startsAt: Date; endsAt: Date; reason: string };

/** A policy row (or none: the safe default) and its environment's freezes that have not ended, as the domain reads them. */
export function toLoadedPolicy(environmentId: string, row: PolicyRow | null, freezes: FreezeRow[]): LoadedPolicy {
  const p = row ?? FALLBACK;
  return {
    environmentId,
    exists: Boolean(row),
    version: p.version,
    rules: {
      approverRoles: p.approverRoles,
      approvalsRequired: p.approvalsRequired,
      allowSelfApproval: p.allowSelfApproval,
      autoApprove: p.autoApprove,
      hotfixAllowed: p.hotfixAllowed,
      hotfixApproverRoles: p.hotfixApproverRoles,
      hotfixApprovalsRequired: p.hotfixApprovalsRequired,
    },
    window: { days: p.windowDays, start: p.windowStart, end: p.windowEnd, timeZone: p.windowTimeZone, freezes: freezes.map((f) => ({ startsAt: f.startsAt, endsAt: f.endsAt, reason: f.reason })) },
    requiredGates: p.requiredGates,
    hotfixRequiredGates: p.hotfixRequiredGates,
    expireAfterHours: p.expireAfterHours,
  };
}

export async function loadPolicy(client: Db | Tx, environmentId: string, now = new Date()): Promise<LoadedPolicy> {
  return (await loadPolicies(client, [environmentId], now)).get(environmentId)!;
}
