// Pure mapping from Secrets Manager metadata (ListSecrets / DescribeSecret shapes) to
// Parity's Secret record. There is no value field on either input: none can be mapped.
import type { RotationPolicy, SecretType } from "@/generated/prisma/enums";
import { nextRotationFrom } from "@/lib/domain/rotation";

/** The subset of SecretListEntry / DescribeSecretResponse that Parity reads. */
export interface AwsSecretMetadata {
  ARN?: string;
  Name?: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationRules?: { AutomaticallyAfterDays?: number };
  LastRotatedDate?: Date;
  LastChangedDate?: Date;
  NextRotationDate?: Date;
  DeletedDate?: Date;
  Tags?: { Key?: string; Value?: string }[];
}

export interface SyncEnvironment {
  id: string;
  slug: string;
  name: string;
  secretPrefix: string;
}

export interface SyncedSecret {
  name: string;
  environmentId: string;
  type: SecretType;
  tool: "aws_secrets_manager";
  storage: string;
  rotationPolicy: RotationPolicy;
  rotationDays: number | null;
  lastRotatedAt: Date | null;
  nextRotationAt: Date | null;
  principals: string[];
  sourceId: string;
  owner: string;
  tags: Record<string, string>;
  description: string;
}

export interface UnmappedSecret {
  name: string;
  arn: string;
  reason: string;
}

/** The tag that maps a secret whose name has no environment prefix. */
export const ENVIRONMENT_TAG = "environment";

const TYPES: readonly SecretType[] = ["database_password", "api_key", "tls_certificate", "ssh_key", "encryption_key", "other"];

export function tagsOf(meta: Pick<AwsSecretMetadata, "Tags">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of meta.Tags ?? []) if (t.Key) out[t.Key] = t.Value ?? "";
  return out;
}

function tag(tags: Record<string, string>, key: string): string | undefined {
  const k = Object.keys(tags).find((x) => x.toLowerCase() === key);
  return k === undefined ? undefined : tags[k];
}

/** By name prefix first (longest wins), else by the `environment` tag (slug, name or prefix, any case). */
export function environmentFor(name: string, tags: Record<string, string>, envs: readonly SyncEnvironment[]): SyncEnvironment | string {
  const byPrefix = envs.filter((e) => e.secretPrefix && name.startsWith(e.secretPrefix)).sort((a, b) => b.secretPrefix.length - a.secretPrefix.length)[0];
  if (byPrefix) return byPrefix;
  const value = tag(tags, ENVIRONMENT_TAG)?.trim().toLowerCase();
  if (!value) return `no environment prefix (${envs.map((e) => e.secretPrefix).join(", ")}) and no "${ENVIRONMENT_TAG}" tag`;
  const byTag = envs.find((e) => [e.slug, e.name, e.secretPrefix.replace(/\/$/, "")].some((v) => v.toLowerCase() === value));
  return byTag ?? `"${ENVIRONMENT_TAG}" tag "${value}" names no environment`;
}

export function typeFor(name: string, tags: Record<string, string>): SecretType {
  const declared = tag(tags, "type") as SecretType | undefined;
  if (declared && TYPES.includes(declared)) return declared;
  const n = name.toLowerCase();
  if (/(database|db|postgres|mysql|rds)/.test(n) && /(password|passwd|pwd|credentials?)/.test(n)) return "database_password";
  if (/(tls|ssl|cert)/.test(n)) return "tls_certificate";
  if (/ssh/.test(n)) return "ssh_key";
  if (/(kms|encryption|data-key|datakey)/.test(n)) return "encryption_key";
  if (/(api[-_]?key|token|signing|webhook|auth)/.test(n)) return "api_key";
  if (/(db|database)/.test(n)) return "database_password";
  return "other";
}

function positiveInt(v: string | undefined): number | null {
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isInteger(n) && n > 0 && n <= 3650 ? n : null;
}

/** One secret's record, or why it maps to no environment. */
export function mapSecret(meta: AwsSecretMetadata, envs: readonly SyncEnvironment[]): { secret: SyncedSecret } | { unmapped: UnmappedSecret } {
  const name = meta.Name ?? "";
  const arn = meta.ARN ?? "";
  const tags = tagsOf(meta);
  const env = environmentFor(name, tags, envs);
  if (typeof env === "string") return { unmapped: { name, arn, reason: env } };
  const type = typeFor(name, tags);
  const rotationDays = meta.RotationRules?.AutomaticallyAfterDays ?? positiveInt(tag(tags, "rotation-days"));
  const declaredPolicy = tag(tags, "rotation");
  const rotationPolicy: RotationPolicy = meta.RotationEnabled ? "automatic" : declaredPolicy === "auto_renewal" ? "auto_renewal" : "manual";
  const lastRotatedAt = meta.LastRotatedDate ?? null;
  return {
    secret: {
      name,
      environmentId: env.id,
      type,
      tool: "aws_secrets_manager",
      storage: meta.KmsKeyId ? `Encrypted (KMS key ${meta.KmsKeyId.split("/").pop()})` : "Encrypted (aws/secretsmanager)",
      rotationPolicy,
      rotationDays,
      lastRotatedAt,
      nextRotationAt: meta.NextRotationDate ?? nextRotationFrom({ type, rotationDays, lastRotatedAt }),
      principals: (tag(tags, "principals") ?? "").split(/[\s,]+/).filter(Boolean),
      sourceId: arn,
      owner: tag(tags, "owner") ?? tag(tags, "team") ?? "",
      tags,
      description: meta.Description ?? "",
    },
  };
}
