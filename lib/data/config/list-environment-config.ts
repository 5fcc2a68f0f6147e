import "server-only";
import { db } from "@/lib/db";
import { allows, type Principal } from "@/lib/authz";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { resolveEffective } from "@/lib/domain/precedence";
import { getPrecedence } from "./get-precedence";
import { secretMetaFor, toKeyViews } from "./config-view";

/** Every service's effective config in one environment (needs view_config; 404 otherwise). */
export async function listEnvironmentConfig(principal: Principal, envSlug: string) {
  const env = await getEnvironment(principal, envSlug, "view_config");
  const secretsVisible = allows(principal, env.id, "view_secrets");
  const [precedence, services, rows] = await Promise.all([
    getPrecedence(),
    db().service.findMany({ select: { id: true, slug: true, name: true, team: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db().configEntry.findMany({ where: { environmentId: env.id, deleted: false }, select: { serviceId: true, layer: true, key: true, value: true } }),
  ]);
  const meta = secretsVisible ? await secretMetaFor(principal, rows.filter((r) => r.layer === "secret").map((r) => r.value)) : new Map();
  const byService = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byService.get(r.serviceId);
    if (list) list.push(r);
    else byService.set(r.serviceId, [r]);
  }
  return {
    precedence,
    secretsVisible,
    services: services.map((s) => ({ ...s, keys: toKeyViews(resolveEffective(byService.get(s.id) ?? [], precedence), secretsVisible, meta) })),
  };
}
