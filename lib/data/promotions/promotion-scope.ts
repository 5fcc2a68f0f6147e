import "server-only";
import { environmentIdsWith, type Principal } from "@/lib/authz";

/**
 * Promotions a principal may see: those into an environment whose deploy history
 * they may see (read (logs) and up). Anything else is simply not found.
 */
export function promotionWhere(principal: Principal): { toEnvironmentId: { in: string[] } } {
  return { toEnvironmentId: { in: environmentIdsWith(principal, "view_deployments") } };
}

/** The actor recorded for sweeps and other work nobody clicked. */
export const SYSTEM_ACTOR = { userId: null, email: "system" } as const;
