import "server-only";
import { db } from "@/lib/db";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { resolveEffective } from "@/lib/domain/precedence";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { getPrecedence } from "./get-precedence";
import { secretMetaFor, serviceBySlug, showValue, toKeyViews, type ShownValue } from "./config-view";

export interface LayerEntryView extends ShownValue {
  key: string;
  version: number;
  updatedAt: Date;
}

/**
 * One service's config in one environment (needs view_config; 404 otherwise): the
 * effective keys with provenance and the raw entries per layer with their versions.
 * Secret references are only included for callers who may see secrets.
 */
export async function getServiceConfig(principal: Principal, envSlug: string, serviceSlug: string) {
  const env = await getEnvironment(principal, envSlug, "view_config");
  const service = await serviceBySlug(serviceSlug);
  if (!service) throw notFound(`Service "${serviceSlug}" not found`);
  const secretsVisible = allows(principal, env.id, "view_secrets");
  const [precedence, rows] = await Promise.all([
    getPrecedence(),
    db().configEntry.findMany({
      where: { environmentId: env.id, serviceId: service.id, deleted: false },
      select: { layer: true, key: true, value: true, version: true, updatedAt: true },
      orderBy: [{ key: "asc" }],
    }),
  ]);
  const effective = resolveEffective(rows, precedence);
  const meta = secretsVisible ? await secretMetaFor(principal, rows.filter((r) => r.layer === "secret").map((r) => r.value)) : new Map();
  const layers = {} as Record<ConfigLayer, LayerEntryView[]>;
  for (const l of precedence) layers[l] = [];
  for (const r of rows) {
    if (r.layer === "secret" && !secretsVisible) continue;
    layers[r.layer].push({ key: r.key, version: r.version, updatedAt: r.updatedAt, ...showValue(r.layer, r.value, secretsVisible) });
  }
  return {
    environment: { id: env.id, slug: env.slug, name: env.name, secretPrefix: env.secretPrefix, level: env.level },
    service,
    precedence,
    secretsVisible,
    canEdit: allows(principal, env.id, "manage"),
    keys: toKeyViews(effective, secretsVisible, meta),
    layers,
  };
}

export type ServiceConfig = Awaited<ReturnType<typeof getServiceConfig>>;
