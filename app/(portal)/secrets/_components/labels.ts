import type { RotationPolicy, SecretTool, SecretType } from "@/generated/prisma/enums";
import type { RotationStatus } from "@/lib/domain/rotation";
import type { Tone } from "@/components/ui/badge";

export const TYPE_LABEL: Record<SecretType, string> = {
  database_password: "Database password",
  api_key: "API key",
  tls_certificate: "TLS certificate",
  ssh_key: "SSH key",
  encryption_key: "Encryption key",
  other: "Other",
};

export const TOOL_LABEL: Record<SecretTool, string> = {
  aws_secrets_manager: "AWS Secrets Manager",
  vault: "Vault",
  acm: "AWS ACM",
  ssm: "AWS SSM",
  kms: "AWS KMS",
  other: "Other",
};

export const POLICY_LABEL: Record<RotationPolicy, string> = {
  automatic: "Automatic",
  manual: "Manual",
  auto_renewal: "Auto renewal",
};

export const STATUS_LABEL: Record<RotationStatus, string> = {
  ok: "OK",
  due_soon: "Due soon",
  overdue: "Overdue",
  never_rotated: "Never rotated",
};

export const STATUS_TONE: Record<RotationStatus, Tone> = {
  ok: "good",
  due_soon: "warn",
  overdue: "bad",
  never_rotated: "bad",
};

export const SORT_LABEL: Record<string, string> = {
  name: "Name (A→Z)",
  "-name": "Name (Z→A)",
  next_rotation: "Next rotation (soonest first)",
  "-next_rotation": "Next rotation (latest first)",
};

export function day(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : "—";
}

export function dueText(daysLeft: number | null): string {
  if (daysLeft === null) return "never rotated";
  if (daysLeft < 0) return `${-daysLeft} day${daysLeft === -1 ? "" : "s"} overdue`;
  if (daysLeft === 0) return "due today";
  return `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
}
