import "server-only";
import { db } from "@/lib/db";
import { inEnvironmentsWhere, type Principal } from "@/lib/authz";
import type { ConfigLayer } from "@/generated/prisma/enums";
import type { EffectiveKey } from "@/lib/domain/precedence";
import { detectSecret, maskValue } from "@/lib/domain/secret-detection";

/** Secret metadata shown beside a reference: never a value. */
export const SECRET_META = {
  name: true,
  type: true,
  tool: true,
  rotationPolicy: true,
  rotationDays: true,
  lastRotatedAt: true,
  nextRotationAt: true,
  owner: true,
} as const;

export interface SecretMeta {
  name: string;
  type: string;
  tool: string;
  rotationPolicy: string;
  rotationDays: number | null;
  lastRotatedAt: Date | null;
  nextRotationAt: Date | null;
  owner: string;
}

export interface ShownValue {
  layer: ConfigLayer;
  /** null when hidden (a secret reference the caller may not see). */
  value: string | null;
  /** The value looked like a secret and is shown masked. */
  masked: boolean;
}

export interface ConfigKeyView extends ShownValue {
  key: string;
  secret: SecretMeta | null;
  overrode: ShownValue[];
}

/** What may be shown of one value: references hidden below view_secrets, secret-looking values masked. */
export function showValue(layer: ConfigLayer, value: string, secretsVisible: boolean): ShownValue {
  if (layer === "secret") return { layer, value: secretsVisible ? value : null, masked: false };
  if (detectSecret(value)) return { layer, value: maskValue(value), masked: true };
  return { layer, value, masked: false };
}

/** Metadata rows for the referenced secrets, only from environments where the caller may see secrets. */
export async function secretMetaFor(principal: Principal, names: string[]): Promise<Map<string, SecretMeta>> {
  if (!names.length) return new Map();
  const rows = await db().secret.findMany({ where: { name: { in: [...new Set(names)] }, deletedAt: null, ...inEnvironmentsWhere(principal, "view_secrets") }, select: SECRET_META });
  return new Map(rows.map((r) => [r.name, r]));
}

export function toKeyViews(effective: readonly EffectiveKey[], secretsVisible: boolean, meta: Map<string, SecretMeta>): ConfigKeyView[] {
  return effective.map((k) => ({
    key: k.key,
    ...showValue(k.layer, k.value, secretsVisible),
    secret: k.layer === "secret" && secretsVisible ? (meta.get(k.value) ?? null) : null,
    overrode: k.overrode.filter((o) => secretsVisible || o.layer !== "secret").map((o) => showValue(o.layer, o.value, secretsVisible)),
  }));
}

export async function serviceBySlug(slug: string) {
  return db().service.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, team: true } });
}
