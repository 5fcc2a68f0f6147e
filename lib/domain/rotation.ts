// Rotation status of a secret from its policy and last rotation, and the findings
// the portal raises about rotation. Pure: no I/O, the caller passes `now`.
import type { RotationPolicy, SecretType } from "@/generated/prisma/enums";

export type RotationStatus = "ok" | "due_soon" | "overdue" | "never_rotated";

export const ROTATION_STATUSES: readonly RotationStatus[] = ["ok", "due_soon", "overdue", "never_rotated"];

export const ROTATION_LABEL: Record<RotationStatus, string> = {
  ok: "OK",
  due_soon: "Due soon",
  overdue: "Overdue",
  never_rotated: "Never rotated",
};

const DAY_MS = 86_400_000;

/**
 * Default rotation period in days when a secret names none, from the reference's
 * quick-lookup table: database passwords auto 30-90 days (we take the upper bound),
 * TLS certificates auto-renew (ACM / Let's Encrypt renew within 90 days), SSH and
 * encryption keys rotate by hand (yearly), API keys manual or auto (half-yearly).
 */
export const DEFAULT_ROTATION_DAYS: Record<SecretType, number> = {
  database_password: 90,
  api_key: 180,
  tls_certificate: 90,
  ssh_key: 365,
  encryption_key: 365,
  other: 365,
};

/** The policy the reference expects for each type. */
export const DEFAULT_ROTATION_POLICY: Record<SecretType, RotationPolicy> = {
  database_password: "automatic",
  api_key: "manual",
  tls_certificate: "auto_renewal",
  ssh_key: "manual",
  encryption_key: "manual",
  other: "manual",
};

export interface RotationInput {
  type: SecretType;
  rotationPolicy: RotationPolicy;
  rotationDays: number | null;
  lastRotatedAt: Date | null;
  /** When the source system states it (AWS NextRotationDate); otherwise last + period. */
  nextRotationAt?: Date | null;
}

export interface Rotation {
  status: RotationStatus;
  periodDays: number;
  /** When the next rotation is due; null when it never rotated. */
  dueAt: Date | null;
  /** Whole days until due (negative when overdue); null when never rotated. */
  daysLeft: number | null;
}

export function rotationPeriodDays(input: Pick<RotationInput, "type" | "rotationDays">): number {
  return input.rotationDays && input.rotationDays > 0 ? input.rotationDays : DEFAULT_ROTATION_DAYS[input.type];
}

/** "Due soon": the due date is within this many days. One fixed window so the DAL can filter by it in SQL. */
export const DUE_SOON_DAYS = 14;

export function rotationOf(input: RotationInput, now: Date): Rotation {
  const periodDays = rotationPeriodDays(input);
  if (!input.lastRotatedAt) return { status: "never_rotated", periodDays, dueAt: null, daysLeft: null };
  const dueAt = input.nextRotationAt ?? new Date(input.lastRotatedAt.getTime() + periodDays * DAY_MS);
  const msLeft = dueAt.getTime() - now.getTime();
  const daysLeft = Math.floor(msLeft / DAY_MS);
  const status: RotationStatus = msLeft < 0 ? "overdue" : msLeft <= DUE_SOON_DAYS * DAY_MS ? "due_soon" : "ok";
  return { status, periodDays, dueAt, daysLeft };
}

/** Last rotation + period: what the sync stores as `nextRotationAt` when the source states none. */
export function nextRotationFrom(input: Pick<RotationInput, "type" | "rotationDays" | "lastRotatedAt">): Date | null {
  return input.lastRotatedAt ? new Date(input.lastRotatedAt.getTime() + rotationPeriodDays(input) * DAY_MS) : null;
}

/** The window of `nextRotationAt` for each status, so the DAL can filter in SQL (the stored due date is authoritative). */
export function rotationStatusBounds(status: RotationStatus, now: Date): { never: true } | { gte?: Date; lt?: Date } {
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS);
  if (status === "never_rotated") return { never: true };
  if (status === "overdue") return { lt: now };
  if (status === "due_soon") return { gte: now, lt: new Date(soon.getTime() + 1) };
  return { gte: new Date(soon.getTime() + 1) };
}

export type FindingSeverity = "high" | "medium" | "low";

export interface SecretFinding {
  severity: FindingSeverity;
  kind: "secret_rotation_overdue" | "secret_never_rotated" | "database_password_manual_rotation";
  message: string;
  environmentId: string;
  secretName: string;
}

export interface SecretForFindings extends RotationInput {
  name: string;
  environmentId: string;
  deletedAt?: Date | null;
}

/**
 * Findings about rotation: a secret whose rotation is overdue (or that was never
 * rotated), and a database password without automatic rotation. Deleted secrets raise nothing.
 */
export function secretFindings(secrets: readonly SecretForFindings[], now: Date = new Date()): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const s of secrets) {
    if (s.deletedAt) continue;
    const r = rotationOf(s, now);
    const base = { environmentId: s.environmentId, secretName: s.name };
    if (r.status === "overdue") {
      const days = -(r.daysLeft ?? 0);
      findings.push({ ...base, severity: "high", kind: "secret_rotation_overdue", message: `${s.name} is ${days} day${days === 1 ? "" : "s"} overdue for rotation (every ${r.periodDays} days).` });
    } else if (r.status === "never_rotated") {
      findings.push({ ...base, severity: "medium", kind: "secret_never_rotated", message: `${s.name} has never been rotated (policy: every ${r.periodDays} days).` });
    }
    if (s.type === "database_password" && s.rotationPolicy !== "automatic") {
      findings.push({ ...base, severity: "medium", kind: "database_password_manual_rotation", message: `${s.name} is a database password without automatic rotation (the reference expects auto rotation every 30-90 days).` });
    }
  }
  return findings;
}

export interface RotationSummary {
  total: number;
  ok: number;
  due_soon: number;
  overdue: number;
  never_rotated: number;
}

export function summarizeRotation(secrets: readonly RotationInput[], now: Date): RotationSummary {
  const summary: RotationSummary = { total: 0, ok: 0, due_soon: 0, overdue: 0, never_rotated: 0 };
  for (const s of secrets) {
    summary.total++;
    summary[rotationOf(s, now).status]++;
  }
  return summary;
}
