import "server-only";
import { db } from "@/lib/db";
import { allows, environmentIdsWith, type Principal } from "@/lib/authz";
import { getPrecedence } from "@/lib/data/config/get-precedence";
import { configGeneration } from "@/lib/data/config/config-generation";
import { computeFindings, intendedKey, SEVERITIES, type Finding, type Severity } from "@/lib/domain/findings";
import type { LayerEntry } from "@/lib/domain/precedence";

interface Computed {
  generation: bigint;
  findings: Finding[];
  envIdBySlug: Map<string, string>;
  filtered: Map<string, { findings: Finding[]; counts: Record<Severity, number> }>;
}

// Findings depend only on config data, not on who asks: computed once per data state and
// filtered per principal, so the overview does not reload every config row on every
// render. The data state is the ConfigGeneration counter, bumped by statement triggers
// in the same transaction as any change to config entries, intended differences,
// environments, services or the precedence setting (migration 20261125222334): one
// primary-key read per request tells whether the cached findings are current.
// Concurrent requests after a change share one recomputation.
const cache: { memo: Computed | null; inflight: { generation: bigint; promise: Promise<Computed> } | null } = { memo: null, inflight: null };

async function computeAll(): Promise<Computed> {
  const generation = await configGeneration();
  if (cache.memo && cache.memo.generation === generation) return cache.memo;
  if (cache.inflight && cache.inflight.generation === generation) return cache.inflight.promise;
  const promise = recompute(generation).finally(() => {
    if (cache.inflight?.promise === promise) cache.inflight = null;
  });
  cache.inflight = { generation, promise };
  return promise;
}

async function recompute(generation: bigint): Promise<Computed> {
  const [environments, precedence, services, entries, intended] = await Promise.all([
    db().environment.findMany({ select: { id: true, slug: true, name: true, position: true, secretPrefix: true }, orderBy: { position: "asc" } }),
    getPrecedence(),
    db().service.findMany({ select: { id: true, slug: true } }),
    db().configEntry.findMany({ where: { deleted: false }, select: { serviceId: true, environmentId: true, layer: true, key: true, value: true } }),
    db().intendedDifference.findMany({ select: { serviceId: true, key: true, fromEnvironmentId: true, toEnvironmentId: true } }),
  ]);
  const envSlug = new Map(environments.map((e) => [e.id, e.slug]));
  const serviceSlug = new Map(services.map((s) => [s.id, s.slug]));
  const grouped = new Map<string, LayerEntry[]>();
  for (const e of environments) for (const s of services) grouped.set(`${e.slug}|${s.slug}`, []);
  for (const e of entries) grouped.get(`${envSlug.get(e.environmentId)}|${serviceSlug.get(e.serviceId)}`)?.push(e);
  const findings = computeFindings({
    environments,
    config: [...grouped].map(([k, list]) => {
      const [environment, service] = k.split("|");
      return { environment, service, entries: list };
    }),
    precedence,
    intended: new Set(intended.filter((i) => serviceSlug.has(i.serviceId)).map((i) => intendedKey(serviceSlug.get(i.serviceId)!, i.key, envSlug.get(i.fromEnvironmentId)!, envSlug.get(i.toEnvironmentId)!))),
  });
  const computed = { generation, findings, envIdBySlug: new Map(environments.map((e) => [e.slug, e.id])), filtered: new Map() };
  // A newer generation may have been computed meanwhile: keep the newest.
  if (!cache.memo || cache.memo.generation <= generation) cache.memo = computed;
  return computed;
}

/**
 * Config findings the caller may see: only in environments they may see config of;
 * findings about the secret layer only where they may see secrets; drift only when
 * they may see config of both environments. Optionally for one environment (as the
 * subject or as drift's target) or one service.
 */
export async function listConfigFindings(principal: Principal, filter: { environment?: string; service?: string } = {}) {
  const visible = new Set(environmentIdsWith(principal, "view_config"));
  if (!visible.size) return { findings: [] as Finding[], counts: countBySeverity([]) };
  const computed = await computeAll();
  // What a principal may see of the findings depends only on which environments they may
  // see config and secrets of: the filtered list is memoised per (data state, visibility, filter).
  const secrets = [...computed.envIdBySlug.values()].filter((id) => visible.has(id) && allows(principal, id, "view_secrets"));
  const key = `${[...visible].sort().join(",")}|${secrets.sort().join(",")}|${filter.environment ?? ""}|${filter.service ?? ""}`;
  const hit = computed.filtered.get(key);
  if (hit) return hit;
  const secretsVisible = new Set(secrets);
  const { envIdBySlug } = computed;
  const findings = computed.findings.filter((f) => {
    if (filter.environment && f.environment !== filter.environment && f.otherEnvironment !== filter.environment) return false;
    if (filter.service && f.service !== filter.service) return false;
    const envId = envIdBySlug.get(f.environment);
    if (!envId || !visible.has(envId)) return false;
    if (f.layer === "secret" && !secretsVisible.has(envId)) return false;
    if (f.otherEnvironment && !visible.has(envIdBySlug.get(f.otherEnvironment) ?? "")) return false;
    return true;
  });
  const result = { findings, counts: countBySeverity(findings) };
  // Bounded: per-service filters are many; the common views (overview, environment pages) are few.
  if (computed.filtered.size < 200) computed.filtered.set(key, result);
  return result;
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}
