import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { loadPolicies } from "@/lib/data/policies/load-policy";
import { waitingOnWhere } from "./waiting-on-where";

/** How many promotions wait on this person (approvals and sign-offs): for the navigation badge. */
export async function countWaitingOn(principal: Principal): Promise<number> {
  const envIds = environmentIdsWith(principal, "view_deployments");
  if (!principal.userId || envIds.length === 0) return 0;
  const policies = await loadPolicies(db(), envIds);
  return db().promotion.count({ where: waitingOnWhere(principal, policies) });
}
