import "server-only";
import { db } from "@/lib/db";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { getPrecedence } from "@/lib/data/config/get-precedence";
import { showValue, type ShownValue } from "@/lib/data/config/config-view";
import { resolveEffective, type LayerEntry } from "@/lib/domain/precedence";
import { countDiff, diffConfigs, type DiffCounts, type DiffStatus } from "@/lib/domain/config-diff";
import { overallParity, parityScore, type ParityScore } from "@/lib/domain/parity";
import type { TCompareQuery } from "@/lib/validations/config";
import { compareSecrets } from "./compare-secrets";
import { configGeneration } from "@/lib/data/config/config-generation";

type Entry = LayerEntry & { serviceId: string; environmentId: string };

export interface CompareRow {
  key: string;
  status: DiffStatus;
  intended: { reason: string; markedBy: string; markedAt: Date } | null;
  from: ShownValue | null;
  to: ShownValue | null;
}

export interface ServiceComparison {
  slug: string;
  name: string;
  team: string;
  deployed: { from: string | null; to: string | null };
  counts: DiffCounts;
  parity: ParityScore;
  rows: CompareRow[];
}

/**
 * The diff of two environments the caller may see config of (404 otherwise), per
 * service: keys added / removed / changed / identical, intended differences with who
 * and why, deployed versions, parity scores, and secret metadata differences (when the
 * caller may see secrets in both).
 */
export async function compareEnvironments(principal: Principal, query: TCompareQuery) {
  const [from, to] = await Promise.all([getEnvironment(principal, query.from, "view_config"), getEnvironment(principal, query.to, "view_config")]);
  const services = await db().service.findMany({
    where: query.service ? { slug: query.service } : {},
    select: { id: true, slug: true, name: true, team: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (query.service && !services.length) throw notFound(`Service "${query.service}" not found`);
  const serviceIds = services.map((s) => s.id);
  const secretsFrom = allows(principal, from.id, "view_secrets");
  const secretsTo = allows(principal, to.id, "view_secrets");
  // The diff depends only on config data (and on whether secret values may be named): it
  // is cached per config generation. Deployed versions and secrets are read fresh.
  const [generation, precedence] = await Promise.all([configGeneration(), getPrecedence()]);
  const key = `${generation}|${from.id}|${to.id}|${secretsFrom}|${secretsTo}|${query.service ?? ""}|${precedence.join(",")}`;
  let diffs = diffCache.get(key);
  if (!diffs) {
    diffs = diffServices(services, { from, to, secretsFrom, secretsTo, precedence, service: query.service }).catch((error: unknown) => {
      diffCache.delete(key);
      throw error;
    });
    for (const k of diffCache.keys()) if (!k.startsWith(`${generation}|`) || diffCache.size >= 32) diffCache.delete(k);
    diffCache.set(key, diffs);
  }
  const [computed, deployed] = await Promise.all([
    diffs,
    // The latest succeeded deployment per service and environment: one index probe each
    // (serviceId, environmentId, startedAt desc) instead of sorting the whole history.
    db().$queryRaw<{ serviceId: string; environmentId: string; version: string }[]>`
      select s.id as "serviceId", e.id as "environmentId", d.version
      from unnest(${serviceIds}::text[]) as s(id)
      cross join unnest(${[from.id, to.id]}::text[]) as e(id)
      cross join lateral (
        select version from "Deployment"
        where "serviceId" = s.id and "environmentId" = e.id and status = 'succeeded'
        order by "startedAt" desc, id desc limit 1
      ) d`,
  ]);
  const deployedBy = new Map(deployed.map((d) => [`${d.serviceId}|${d.environmentId}`, d.version]));
  const result: ServiceComparison[] = computed.map(({ id, ...s }) => ({ ...s, deployed: { from: deployedBy.get(`${id}|${from.id}`) ?? null, to: deployedBy.get(`${id}|${to.id}`) ?? null } }));

  return {
    from: { slug: from.slug, name: from.name, canManage: allows(principal, from.id, "manage") },
    to: { slug: to.slug, name: to.name, canManage: allows(principal, to.id, "manage") },
    precedence,
    overall: overallParity(result.map((r) => r.counts)),
    services: result,
    secrets: secretsFrom && secretsTo ? await compareSecrets(from, to) : null,
  };
}

export type Comparison = Awaited<ReturnType<typeof compareEnvironments>>;

const diffCache = new Map<string, Promise<(Omit<ServiceComparison, "deployed"> & { id: string })[]>>();

type EnvRef = { id: string; secretPrefix: string };

/** Per service: effective config on both sides, the diff with intended differences, counts and parity. */
async function diffServices(
  services: { id: string; slug: string; name: string; team: string }[],
  o: { from: EnvRef; to: EnvRef; secretsFrom: boolean; secretsTo: boolean; precedence: Awaited<ReturnType<typeof getPrecedence>>; service?: string },
): Promise<(Omit<ServiceComparison, "deployed"> & { id: string })[]> {
  const { from, to, secretsFrom, secretsTo, precedence } = o;
  const serviceIds = services.map((s) => s.id);
  const [entries, intended] = await Promise.all([
    // Raw rows: for 200 services × 500 keys this is ~200k rows, where the ORM's row
    // mapping costs more than the query.
    o.service
      ? db().$queryRaw<Entry[]>`select "serviceId", "environmentId", layer::text as layer, key, value from "ConfigEntry" where "environmentId" in (${from.id}, ${to.id}) and not deleted and "serviceId" = any(${serviceIds}::text[])`
      : db().$queryRaw<Entry[]>`select "serviceId", "environmentId", layer::text as layer, key, value from "ConfigEntry" where "environmentId" in (${from.id}, ${to.id}) and not deleted`,
    db().intendedDifference.findMany({
      where: {
        OR: [
          { fromEnvironmentId: from.id, toEnvironmentId: to.id },
          { fromEnvironmentId: to.id, toEnvironmentId: from.id },
        ],
        ...(o.service ? { serviceId: { in: serviceIds } } : {}),
      },
      select: { serviceId: true, key: true, reason: true, markedById: true, createdAt: true },
    }),
  ]);
  const markers = await db().user.findMany({ where: { id: { in: [...new Set(intended.map((i) => i.markedById).filter((x): x is string => !!x))] } }, select: { id: true, name: true } });
  const markerName = new Map(markers.map((m) => [m.id, m.name]));
  const grouped = new Map<string, LayerEntry[]>();
  for (const e of entries) {
    const k = `${e.serviceId}|${e.environmentId}`;
    const list = grouped.get(k);
    if (list) list.push(e);
    else grouped.set(k, [e]);
  }
  const intendedBy = new Map<string, CompareRow["intended"]>();
  for (const i of intended) intendedBy.set(`${i.serviceId}|${i.key}`, { reason: i.reason, markedBy: i.markedById ? (markerName.get(i.markedById) ?? "someone") : "someone", markedAt: i.createdAt });
  return services.map((s) => {
    const a = resolveEffective(grouped.get(`${s.id}|${from.id}`) ?? [], precedence);
    const b = resolveEffective(grouped.get(`${s.id}|${to.id}`) ?? [], precedence);
    const intendedKeys = new Set(intended.filter((i) => i.serviceId === s.id).map((i) => i.key));
    const diff = diffConfigs(a, b, { intended: intendedKeys, fromSecretPrefix: from.secretPrefix, toSecretPrefix: to.secretPrefix });
    const counts = countDiff(diff);
    return {
      id: s.id,
      slug: s.slug,
      name: s.name,
      team: s.team,
      counts,
      parity: parityScore(counts),
      rows: diff.map((r) => ({
        key: r.key,
        status: r.status,
        intended: r.intended ? (intendedBy.get(`${s.id}|${r.key}`) ?? null) : null,
        from: r.from ? showValue(r.from.layer, r.from.value, secretsFrom) : null,
        to: r.to ? showValue(r.to.layer, r.to.value, secretsTo) : null,
      })),
    };
  });
}
