import "server-only";
import { allows, hasScope, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";

/**
 * Reporting deployments needs the `deployments:write` scope (tokens) and, for a person
 * (session or user token), `read + deploy` on the environment. The caller has already
 * checked that the environment is visible (else 404).
 */
export function assertMayWriteDeployments(principal: Principal, environmentId: string): void {
  if (!hasScope(principal, "deployments:write")) throw new AppError("FORBIDDEN", 'This token lacks the "deployments:write" scope.');
  if (principal.userId && !allows(principal, environmentId, "request_promotion")) {
    throw new AppError("FORBIDDEN", "Reporting deployments to this environment needs read + deploy access.");
  }
}
