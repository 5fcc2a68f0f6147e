import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { environmentIdsWith, levelOf, type Principal } from "@/lib/authz";
import { GATE_KEYS, gateSpec, mayRecordGate } from "@/lib/domain/gates";
import { approvalRule } from "@/lib/domain/readiness";
import type { LoadedPolicy } from "@/lib/data/policies/load-policy";

/**
 * "Waiting on me" as a Prisma where: promotions awaiting an approval the principal
 * may give (their role is named, they are not the requester unless allowed, they
 * have not decided), or with a pending sign-off their role may record.
 */
export function waitingOnWhere(principal: Principal, policies: Map<string, LoadedPolicy>): Prisma.PromotionWhereInput {
  const userId = principal.userId;
  if (!userId) return { id: { in: [] } };
  const or: Prisma.PromotionWhereInput[] = [];
  for (const envId of environmentIdsWith(principal, "view_deployments")) {
    const policy = policies.get(envId);
    if (!policy) continue;
    for (const kind of ["standard", "hotfix"] as const) {
      const rule = approvalRule(kind, policy.rules);
      if (rule.automatic || !rule.roles.some((r) => principal.roles.includes(r))) continue;
      or.push({
        toEnvironmentId: envId,
        kind,
        state: "awaiting_approval",
        ...(policy.rules.allowSelfApproval ? {} : { requestedById: { not: userId } }),
        approvals: { none: { userId, invalidatedAt: null } },
      });
    }
    const actor = { roles: principal.roles, targetLevel: levelOf(principal, envId), isRequester: false };
    const signoffs = GATE_KEYS.filter((k) => gateSpec(k).kind === "signoff" && mayRecordGate(k, actor).ok);
    if (signoffs.length) or.push({ toEnvironmentId: envId, state: { in: ["checking", "awaiting_approval"] }, gates: { some: { gate: { in: signoffs }, status: "pending" } } });
  }
  return or.length ? { OR: or } : { id: { in: [] } };
}
