import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, inEnvironmentsWhere, type Principal } from "@/lib/authz";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
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
  const unique = [...new Set(names)].sort();
  // Kept per secrets generation (any change to the registry bumps it), the environments the
  // caller may see secrets in, and the names: a page view reads nothing while none changed.
  const g = await dataGenerations();
  const key = `${environmentIdsWith(principal, "view_secrets").sort().join(",")}|${unique.join("\n")}`;
  return metaCache.getOrReadAt(g.secrets, key, async () => {
    const rows = await db().secret.findMany({ where: { name: { in: unique }, deletedAt: null, ...inEnvironmentsWhere(principal, "view_secrets") }, select: SECRET_META });
    return new Map(rows.map((r) => [r.name, r]));
  });
}
const metaCache = new BoundedCache<Promise<Map<string, SecretMeta>>>(256);

export function toKeyViews(effective: readonly EffectiveKey[], secretsVisible: boolean, meta: Map<string, SecretMeta>): ConfigKeyView[] {
  return effective.map((k) => ({
    key: k.key,
    ...showValue(k.layer, k.value, secretsVisible),
    secret: k.layer === "secret" && secretsVisible ? (meta.get(k.value) ?? null) : null,
    overrode: k.overrode.filter((o) => secretsVisible || o.layer !== "secret").map((o) => showValue(o.layer, o.value, secretsVisible)),
  }));
}

/** The columns of a service every reader gets (`serviceBySlug`, `servicesById`). */
const SERVICE_ROW = { id: true, slug: true, name: true, team: true } as const;

/** A service by slug (null when there is none), kept per config generation: services are config data. */
export async function serviceBySlug(slug: string, configGeneration?: bigint): Promise<ServiceRow | null> {
  const g = configGeneration ?? (await dataGenerations()).config;
  return services.getOrReadAt(g, slug, () => db().service.findUnique({ where: { slug }, select: SERVICE_ROW }));
}
export interface ServiceRow {
  id: string;
  slug: string;
  name: string;
  team: string;
}
const services = new BoundedCache<Promise<ServiceRow | null>>(1_000);

/**
 * Services by id, for lists of rows that carry a serviceId (deploy history): kept per
 * config generation like `serviceBySlug`, with one query for the ids not kept. An id with
 * no service is absent from the map.
 */
export async function servicesById(ids: readonly string[], configGeneration?: bigint): Promise<Map<string, ServiceRow>> {
  const g = configGeneration ?? (await dataGenerations()).config;
  const found = new Map<string, ServiceRow>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = byId.getAt(g, id);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  if (!missing.length) return found;
  const rows = await db().service.findMany({ where: { id: { in: missing } }, select: SERVICE_ROW });
  for (const r of rows) {
    byId.setAt(g, r.id, r);
    found.set(r.id, r);
  }
  return found;
}
const byId = new BoundedCache<ServiceRow>(2_000);
