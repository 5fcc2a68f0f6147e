// The access levels of PRODUCT.md and what each lets a person do in the portal.
// Pure: no I/O. Every server check goes through `can`.
import type { AccessLevel, Role } from "@/generated/prisma/enums";

export const ROLES: readonly Role[] = ["developer", "qa", "platform", "executive", "eng_leader"];
export const LEVELS: readonly AccessLevel[] = ["none", "dashboards", "read_logs", "read", "read_deploy", "full"];

const RANK: Record<AccessLevel, number> = { none: 0, dashboards: 1, read_logs: 2, read: 3, read_deploy: 4, full: 5 };

export type Capability =
  | "see" // the environment exists for them: summary and aggregate metrics
  | "view_deployments" // deploy history and logs
  | "view_config" // non-secret config
  | "view_secrets" // secret metadata and secret references
  | "request_promotion"
  | "manage"; // edit flags and details, record sign-offs, approve where the policy names their role

const MINIMUM: Record<Capability, AccessLevel> = {
  see: "dashboards",
  view_deployments: "read_logs",
  view_config: "read_logs",
  view_secrets: "read",
  request_promotion: "read_deploy",
  manage: "full",
};

export const CAPABILITIES = Object.keys(MINIMUM) as Capability[];

export function can(level: AccessLevel | undefined, capability: Capability): boolean {
  return RANK[level ?? "none"] >= RANK[MINIMUM[capability]];
}

export function maxLevel(levels: Iterable<AccessLevel>): AccessLevel {
  let best: AccessLevel = "none";
  for (const l of levels) if (RANK[l] > RANK[best]) best = l;
  return best;
}

export function compareLevels(a: AccessLevel, b: AccessLevel): number {
  return RANK[a] - RANK[b];
}

export const LEVEL_LABEL: Record<AccessLevel, string> = {
  none: "none",
  dashboards: "dashboards",
  read_logs: "read (logs)",
  read: "read",
  read_deploy: "read + deploy",
  full: "full",
};

export const ROLE_LABEL: Record<Role, string> = {
  developer: "Developer",
  qa: "QA",
  platform: "Platform",
  executive: "Executive",
  eng_leader: "Eng leader",
};

/** The default access matrix (PRODUCT.md); the seed writes it, the portal edits it. */
export const DEFAULT_MATRIX: Record<string, Record<Role, AccessLevel>> = {
  development: { developer: "full", qa: "none", platform: "full", executive: "none", eng_leader: "read" },
  staging: { developer: "read_deploy", qa: "full", platform: "full", executive: "read", eng_leader: "read" },
  production: { developer: "read_logs", qa: "read", platform: "full", executive: "dashboards", eng_leader: "read" },
};
