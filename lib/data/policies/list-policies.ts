import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, type Principal } from "@/lib/authz";

/**
 * Promotion policies of the environments the principal may see, in promotion
 * order, with their freezes that have not ended. Everyone who sees an environment
 * may read its rules; only platform edits them.
 */
export async function listPolicies(principal: Principal, now = new Date()) {
  const envs = await db().environment.findMany({
    where: { id: { in: environmentIdsWith(principal, "see") } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      position: true,
      policy: {
        select: {
          requiredGates: true,
          approverRoles: true,
          approvalsRequired: true,
          allowSelfApproval: true,
          autoApprove: true,
          windowDays: true,
          windowStart: true,
          windowEnd: true,
          windowTimeZone: true,
          hotfixAllowed: true,
          hotfixApproverRoles: true,
          hotfixApprovalsRequired: true,
          hotfixRequiredGates: true,
          expireAfterHours: true,
          version: true,
          updatedAt: true,
        },
      },
      freezes: { where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, reason: true }, take: 50 },
    },
  });
  return envs;
}

export type PolicyRow = Awaited<ReturnType<typeof listPolicies>>[number];
