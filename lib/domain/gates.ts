// The gate catalogue: what each gate means, how it gets its status, and who may
// record it. Pure; the DAL passes in the facts (roles, level, scopes).
import type { AccessLevel, GateStatus, Role } from "@/generated/prisma/enums";

export type GateKind = "ci" | "signoff" | "ticket" | "window";

export interface GateSpec {
  label: string;
  kind: GateKind;
  description: string;
  /** For sign-offs: the roles that may record it (besides anyone with full access when `full` is true). */
  signoffRoles?: readonly Role[];
  full?: boolean;
}

export const GATES = {
  tests: { label: "All tests pass", kind: "ci", description: "Unit and integration tests on the version" },
  code_review: { label: "Code review approved", kind: "ci", description: "The change was reviewed and approved" },
  security_scan: { label: "No open security findings", kind: "ci", description: "Dependency and code scanning" },
  staging_tests: { label: "Staging tests pass", kind: "ci", description: "The suite ran against staging" },
  e2e: { label: "E2E pass", kind: "ci", description: "End-to-end tests against staging" },
  performance: { label: "Performance acceptable", kind: "ci", description: "Load test within the budget" },
  qa_signoff: { label: "QA sign-off", kind: "signoff", description: "QA signed off the release", signoffRoles: ["qa"] },
  rollback_plan: { label: "Rollback plan ready", kind: "signoff", description: "A tested way back", signoffRoles: ["platform"], full: true },
  monitoring: { label: "Monitoring configured", kind: "signoff", description: "Dashboards and alerts for the change", signoffRoles: ["platform"], full: true },
  oncall: { label: "On-call available", kind: "signoff", description: "Someone on call during and after the deploy", signoffRoles: ["platform"], full: true },
  change_ticket: { label: "Change ticket", kind: "ticket", description: "A change ticket is linked to the request" },
  window: { label: "Deploy window", kind: "window", description: "Evaluated when approving and when the deploy starts" },
} as const satisfies Record<string, GateSpec>;

export type GateKey = keyof typeof GATES;
export const GATE_KEYS = Object.keys(GATES) as GateKey[];

export function gateSpec(key: string): GateSpec {
  return (GATES as Record<string, GateSpec>)[key] ?? { label: key.replace(/_/g, " "), kind: "ci", description: "Reported by CI" };
}

export interface GateActor {
  roles: readonly Role[];
  /** the actor's level on the promotion's target environment */
  targetLevel: AccessLevel;
  /** API token scopes; undefined for a browser session */
  scopes?: readonly string[];
  isRequester: boolean;
}

const hasScope = (a: GateActor, scope: string) => a.scopes === undefined || a.scopes.includes(scope) || a.scopes.includes("*");

/**
 * May this actor record `status` for the gate? CI gates: tokens with `gates:write`
 * (or people with full access to the target). Sign-offs: the roles the catalogue
 * names (and full access where it says so). The window is never recorded by hand;
 * the change ticket comes from the request.
 */
export function mayRecordGate(key: string, actor: GateActor): { ok: true } | { ok: false; message: string } {
  const spec = gateSpec(key);
  if (!hasScope(actor, "gates:write")) return { ok: false, message: "This token lacks the gates:write scope." };
  if (spec.kind === "window") return { ok: false, message: "The deploy window is evaluated by Parity, not reported." };
  if (spec.kind === "ci" || spec.kind === "ticket") {
    if (actor.scopes !== undefined || actor.targetLevel === "full") return { ok: true };
    return { ok: false, message: `${spec.label} is reported by CI (a token with gates:write) or someone with full access to the target.` };
  }
  const byRole = spec.signoffRoles?.some((r) => actor.roles.includes(r)) ?? false;
  if (byRole || (spec.full && actor.targetLevel === "full")) return { ok: true };
  const who = [...(spec.signoffRoles ?? []), ...(spec.full ? ["anyone with full access"] : [])].join(" or ");
  return { ok: false, message: `Only ${who} may record "${spec.label}".` };
}

/** Waiving skips a gate with a reason: full access to the target, not the requester, never the window. */
export function mayWaiveGate(key: string, actor: GateActor): { ok: true } | { ok: false; message: string } {
  if (gateSpec(key).kind === "window") return { ok: false, message: "The deploy window cannot be waived; a hotfix skips it." };
  if (actor.targetLevel !== "full") return { ok: false, message: "Only someone with full access to the target environment may waive a gate." };
  if (actor.isRequester) return { ok: false, message: "You requested this promotion; someone else must waive its gates." };
  return { ok: true };
}

export interface GateState {
  gate: string;
  status: GateStatus;
}

const done = (s: GateStatus) => s === "passed" || s === "waived";

/** Stored gates that still block (the window is checked separately, live). */
export function blockingGates<T extends GateState>(gates: readonly T[]): T[] {
  return gates.filter((g) => gateSpec(g.gate).kind !== "window" && !done(g.status));
}

export function gatesGreen(gates: readonly GateState[]): boolean {
  return blockingGates(gates).length === 0;
}

export const GATE_TONE: Record<GateStatus, "neutral" | "good" | "bad" | "warn"> = { pending: "neutral", passed: "good", failed: "bad", waived: "warn" };
