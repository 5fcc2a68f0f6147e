import "server-only";
import { db } from "@/lib/db";
import { allows, environmentIdsWith, type Principal } from "@/lib/authz";
import { getPrecedence } from "@/lib/data/config/get-precedence";
import { computeFindings, intendedKey, SEVERITIES, type Finding, type Severity } from "@/lib/domain/findings";
import type { LayerEntry } from "@/lib/domain/precedence";

/**
 * Config findings the caller may see: computed over the environments they may see
 * config of; findings about the secret layer only where they may see secrets, drift
 * only when they may see config of both environments. Optionally for one environment
 * (`environment`) or one service.
 */
export async function listConfigFindings(principal: Principal, filter: { environment?: string; service?: string } = {}) {
  const visible = environmentIdsWith(principal, "view_config");
  const [environments, precedence] = await Promise.all([
    db().environment.findMany({ select: { id: true, slug: true, name: true, position: true, secretPrefix: true }, orderBy: { position: "asc" } }),
    getPrecedence(),
  ]);
  const visibleEnvs = environments.filter((e) => visible.includes(e.id));
  if (!visibleEnvs.length) return { findings: [] as Finding[], counts: countBySeverity([]) };
  const [services, entries, intended] = await Promise.all([
    db().service.findMany({ where: filter.service ? { slug: filter.service } : {}, select: { id: true, slug: true } }),
    db().configEntry.findMany({
      where: { environmentId: { in: visibleEnvs.map((e) => e.id) }, deleted: false, ...(filter.service ? { service: { slug: filter.service } } : {}) },
      select: { serviceId: true, environmentId: true, layer: true, key: true, value: true },
    }),
    db().intendedDifference.findMany({ select: { serviceId: true, key: true, fromEnvironmentId: true, toEnvironmentId: true } }),
  ]);
  const envSlug = new Map(environments.map((e) => [e.id, e.slug]));
  const serviceSlug = new Map(services.map((s) => [s.id, s.slug]));
  const grouped = new Map<string, LayerEntry[]>();
  for (const e of visibleEnvs) for (const s of services) grouped.set(`${e.slug}|${s.slug}`, []);
  for (const e of entries) grouped.get(`${envSlug.get(e.environmentId)}|${serviceSlug.get(e.serviceId)}`)?.push(e);
  const all = computeFindings({
    environments,
    config: [...grouped].map(([k, list]) => {
      const [environment, service] = k.split("|");
      return { environment, service, entries: list };
    }),
    precedence,
    intended: new Set(intended.filter((i) => serviceSlug.has(i.serviceId)).map((i) => intendedKey(serviceSlug.get(i.serviceId)!, i.key, envSlug.get(i.fromEnvironmentId)!, envSlug.get(i.toEnvironmentId)!))),
  });
  const idOf = new Map(environments.map((e) => [e.slug, e.id]));
  const findings = all.filter((f) => {
    if (filter.environment && f.environment !== filter.environment && f.otherEnvironment !== filter.environment) return false;
    if (f.layer === "secret" && !allows(principal, idOf.get(f.environment)!, "view_secrets")) return false;
    if (f.otherEnvironment && !visible.includes(idOf.get(f.otherEnvironment)!)) return false;
    return true;
  });
  return { findings, counts: countBySeverity(findings) };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}
