import "server-only";
import { hasRole, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";

/** Notification webhooks are the platform team's, like the access matrix: people only, never CI tokens. */
export function assertMayManage(principal: Principal): void {
  if (!principal.userId || !hasRole(principal, "platform")) throw new AppError("FORBIDDEN", "Only the platform team manages notification webhooks.");
}

export function mayManageNotifications(principal: Principal): boolean {
  return Boolean(principal.userId) && hasRole(principal, "platform");
}
