// Which status changes a deployment may go through. Pure: no I/O.
// queued → in_progress → succeeded | failed; succeeded → rolled_back.
// Reports arrive out of order (CI retries, webhook redeliveries), so a late
// "queued"/"in progress" after the deployment already finished is ignored, not an error.
import type { DeploymentStatus } from "@/generated/prisma/enums";

export const DEPLOYMENT_STATUSES: readonly DeploymentStatus[] = ["queued", "in_progress", "succeeded", "failed", "rolled_back"];

export const FINISHED: readonly DeploymentStatus[] = ["succeeded", "failed", "rolled_back"];

const NEXT: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  queued: ["in_progress", "succeeded", "failed"],
  in_progress: ["succeeded", "failed"],
  succeeded: ["rolled_back"],
  failed: [],
  rolled_back: [],
};

// Progress through the lifecycle; a report for an earlier stage than the current one is stale.
const STAGE: Record<DeploymentStatus, number> = { queued: 0, in_progress: 1, succeeded: 2, failed: 2, rolled_back: 3 };

export type TransitionDecision =
  | { kind: "apply" }
  | { kind: "same" }
  | { kind: "stale"; reason: string }
  | { kind: "invalid"; reason: string };

export function decideTransition(from: DeploymentStatus, to: DeploymentStatus): TransitionDecision {
  if (from === to) return { kind: "same" };
  if (NEXT[from].includes(to)) return { kind: "apply" };
  if (STAGE[to] < STAGE[from]) return { kind: "stale", reason: `A late "${label(to)}" after "${label(from)}" is ignored.` };
  return { kind: "invalid", reason: `A deployment cannot go from "${label(from)}" to "${label(to)}".` };
}

export function isFinished(status: DeploymentStatus): boolean {
  return FINISHED.includes(status);
}

export function label(status: DeploymentStatus): string {
  return status.replace(/_/g, " ");
}
