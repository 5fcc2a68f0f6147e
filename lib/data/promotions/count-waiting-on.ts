import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, principalKey, type Principal } from "@/lib/authz";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
import { loadPolicies } from "@/lib/data/policies/load-policy";
import { waitingOnWhere } from "./waiting-on-where";

const counts = new BoundedCache<Promise<number>>(5_000);

/**
 * How many promotions wait on this person (approvals and sign-offs): for the navigation
 * badge, on every page. Kept per person and per access and promotions generation (both
 * bumped in the writer's transaction), so a new request, approval or policy change shows
 * at once and an unchanged queue costs one primary-key read.
 */
export async function countWaitingOn(principal: Principal): Promise<number> {
  const envIds = environmentIdsWith(principal, "view_deployments");
  if (!principal.userId || envIds.length === 0) return 0;
  const g = await dataGenerations();
  const key = `${principalKey(principal)}|${g.access}|${g.promotions}`;
  return counts.getOrRead(key, async () => db().promotion.count({ where: waitingOnWhere(principal, await loadPolicies(db(), envIds)) }));
}
