import "server-only";
import { db } from "@/lib/db";
import { BoundedCache } from "@/lib/bounded-cache";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { getPrecedence } from "@/lib/data/config/get-precedence";
import { configGeneration } from "@/lib/data/config/config-generation";
import { showValue, type ShownValue } from "@/lib/data/config/config-view";
import { resolveEffective, type LayerEntry } from "@/lib/domain/precedence";
import { countDiff, diffConfigs, type DiffCounts, type DiffStatus } from "@/lib/domain/config-diff";
import { overallParity, parityScore, type ParityScore } from "@/lib/domain/parity";
import type { ConfigLayer } from "@/generated/prisma/enums";

export interface CompareRow {
  key: string;
  status: DiffStatus;
  intended: { reason: string; markedBy: string; markedAt: Date } | null;
  from: ShownValue | null;
  to: ShownValue | null;
}

/** One service of a comparison as a caller gets it. */
export interface ServiceComparison {
  slug: string;
  name: string;
  team: string;
  deployed: { from: string | null; to: string | null };
  counts: DiffCounts;
  parity: ParityScore;
  rows: readonly CompareRow[];
}

/** One service's diff as everyone may see it except for secret references (see forCaller). */
export interface CoreService {
  id: string;
  slug: string;
  name: string;
  team: string;
  counts: DiffCounts;
  parity: ParityScore;
  /** Every key, sorted; secret references in clear (forCaller hides them per caller). */
  rows: readonly CompareRow[];
  /** The rows that are not identical (what the all-services view shows). */
  differing: readonly CompareRow[];
}

export interface CompareCore {
  precedence: ConfigLayer[];
  services: readonly CoreService[];
  /** Position of each service in `services`, by slug. */
  index: ReadonlyMap<string, number>;
  overall: ParityScore;
}

type EnvRef = { id: string; secretPrefix: string };
type Entry = LayerEntry & { serviceId: string; environmentId: string };

// Everything here is derived from config data only (config entries, intended differences,
// environments, services, the precedence setting), all of which bump the config
// generation in the writer's own transaction: results are cached per generation and per
// environment pair, shared by every caller. What differs per caller (which environments,
// whether secret references show) is applied per request by the callers of compareCore,
// on the rows they return. Concurrent requests after a change share one computation.
const MAX_ALL = 6; // every ordered pair of three environments
const MAX_ONE = 64;
const allServices = new BoundedCache<Promise<CompareCore>>(MAX_ALL);
const oneService = new BoundedCache<Promise<CompareCore>>(MAX_ONE);
const settled = new WeakMap<Promise<CompareCore>, CompareCore>();

function remember(cache: BoundedCache<Promise<CompareCore>>, key: string, make: () => Promise<CompareCore>, generation: string): Promise<CompareCore> {
  return cache.getOrRead(key, () => {
    cache.dropGenerationsBefore(BigInt(generation));
    const promise: Promise<CompareCore> = make().then((core) => {
      settled.set(promise, core);
      return core;
    });
    return promise;
  });
}

/**
 * The diff of two environments (the caller has already been allowed to see config of
 * both), for every service or one: rows, counts, parity, the overall score and the
 * precedence it was resolved with. One primary-key read when current (`generationRead`:
 * that read, started by the caller alongside its own). The data is read after the
 * generation, so a result is never filed under a generation newer than its data; the
 * environment fields it uses are part of the key. A missing service gives no services.
 */
export async function compareCore(from: EnvRef, to: EnvRef, service?: string, generationRead?: Promise<bigint>): Promise<CompareCore> {
  const generation = String(await (generationRead ?? configGeneration()));
  const pair = `${generation}|${from.id}|${to.id}|${from.secretPrefix}|${to.secretPrefix}`;
  const all = allServices.get(pair);
  if (!service) return remember(allServices, pair, () => computeCore(from, to), generation);
  // One service: taken from the all-services result when that is at hand.
  const done = all && settled.get(all);
  if (done) {
    const i = done.index.get(service);
    const s = i === undefined ? [] : [done.services[i]];
    return { precedence: done.precedence, services: s, index: new Map(s.map((x, n) => [x.slug, n])), overall: overallParity(s.map((x) => x.counts)) };
  }
  return remember(oneService, `${pair}|${service}`, () => computeCore(from, to, service), generation);
}

async function computeCore(from: EnvRef, to: EnvRef, service?: string): Promise<CompareCore> {
  const [precedence, services] = await Promise.all([
    getPrecedence(),
    db().service.findMany({ where: service ? { slug: service } : {}, select: { id: true, slug: true, name: true, team: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  const serviceIds = services.map((s) => s.id);
  const [entries, intended] = await Promise.all([
    // Raw rows: for 200 services × 500 keys this is ~200k rows, where the ORM's row
    // mapping costs more than the query.
    service
      ? db().$queryRaw<Entry[]>`select "serviceId", "environmentId", layer::text as layer, key, value from "ConfigEntry" where "environmentId" in (${from.id}, ${to.id}) and not deleted and "serviceId" = any(${serviceIds}::text[])`
      : db().$queryRaw<Entry[]>`select "serviceId", "environmentId", layer::text as layer, key, value from "ConfigEntry" where "environmentId" in (${from.id}, ${to.id}) and not deleted`,
    db().intendedDifference.findMany({
      where: {
        OR: [
          { fromEnvironmentId: from.id, toEnvironmentId: to.id },
          { fromEnvironmentId: to.id, toEnvironmentId: from.id },
        ],
        ...(service ? { serviceId: { in: serviceIds } } : {}),
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
  const intendedBy = new Map<string, Map<string, CompareRow["intended"]>>();
  for (const i of intended) {
    let keys = intendedBy.get(i.serviceId);
    if (!keys) intendedBy.set(i.serviceId, (keys = new Map()));
    keys.set(i.key, Object.freeze({ reason: i.reason, markedBy: i.markedById ? (markerName.get(i.markedById) ?? "someone") : "someone", markedAt: i.createdAt }));
  }
  const side = (s: { layer: ConfigLayer; value: string } | null) => (s ? Object.freeze(showValue(s.layer, s.value, true)) : null);
  const out: CoreService[] = services.map((s) => {
    const a = resolveEffective(grouped.get(`${s.id}|${from.id}`) ?? [], precedence);
    const b = resolveEffective(grouped.get(`${s.id}|${to.id}`) ?? [], precedence);
    const marked = intendedBy.get(s.id);
    const diff = diffConfigs(a, b, { intended: new Set(marked?.keys()), fromSecretPrefix: from.secretPrefix, toSecretPrefix: to.secretPrefix });
    const counts = Object.freeze(countDiff(diff));
    // Frozen: the same row objects go to every caller allowed to see them as they are.
    const rows = Object.freeze(diff.map((r) => Object.freeze({ key: r.key, status: r.status, intended: r.intended ? (marked?.get(r.key) ?? null) : null, from: side(r.from), to: side(r.to) })));
    return { id: s.id, slug: s.slug, name: s.name, team: s.team, counts, parity: Object.freeze(parityScore(counts)), rows, differing: Object.freeze(rows.filter((r) => r.status !== "identical")) };
  });
  return { precedence, services: out, index: new Map(out.map((s, i) => [s.slug, i])), overall: overallParity(out.map((s) => s.counts)) };
}

/**
 * Opens a comparison for a caller: both environments (404 unless the caller may see config
 * of both), whether the caller may see secrets on each side, the cached diff (404 for an
 * unknown service) and the head of the answer. The generation is read alongside the environments (one round trip
 * less); the diff's own data after it.
 */
export async function openComparison(principal: Principal, q: { from: string; to: string; service?: string }) {
  const generation = configGeneration();
  generation.catch(() => {}); // awaited by compareCore unless the environments 404 first
  const [from, to] = await Promise.all([getEnvironment(principal, q.from, "view_config"), getEnvironment(principal, q.to, "view_config")]);
  const secretsFrom = allows(principal, from.id, "view_secrets");
  const secretsTo = allows(principal, to.id, "view_secrets");
  const core = await compareCore(from, to, q.service, generation);
  if (q.service && !core.services.length) throw notFound(`Service "${q.service}" not found`);
  // What every answer starts with: both sides (with whether the caller may manage them: mark differences intended) and the scores.
  const head = {
    from: { slug: from.slug, name: from.name, canManage: allows(principal, from.id, "manage") },
    to: { slug: to.slug, name: to.name, canManage: allows(principal, to.id, "manage") },
    precedence: core.precedence,
    overall: core.overall,
  };
  return { from, to, secretsFrom, secretsTo, core, head };
}

/**
 * A service as this caller gets it: its deployed versions on both sides (`deployed` from
 * deployedVersions) and `rows` (all of them or a selection) with secret references hidden
 * on a side where the caller may not see secrets.
 */
export function serviceForCaller(s: CoreService, rows: readonly CompareRow[], deployed: Map<string, string>, c: { from: { id: string }; to: { id: string }; secretsFrom: boolean; secretsTo: boolean }): ServiceComparison {
  return {
    slug: s.slug,
    name: s.name,
    team: s.team,
    deployed: { from: deployed.get(`${s.id}|${c.from.id}`) ?? null, to: deployed.get(`${s.id}|${c.to.id}`) ?? null },
    counts: s.counts,
    parity: s.parity,
    rows: c.secretsFrom && c.secretsTo ? rows : rows.map((r) => forCaller(r, c.secretsFrom, c.secretsTo)),
  };
}

/**
 * A row as this caller may see it: a secret reference stays hidden on a side where they
 * may not see secrets (secret-looking values in other layers are masked for everyone).
 */
export function forCaller(row: CompareRow, secretsFrom: boolean, secretsTo: boolean): CompareRow {
  const hideFrom = !secretsFrom && row.from?.layer === "secret";
  const hideTo = !secretsTo && row.to?.layer === "secret";
  if (!hideFrom && !hideTo) return row;
  return { ...row, from: hideFrom ? showValue("secret", row.from!.value ?? "", false) : row.from, to: hideTo ? showValue("secret", row.to!.value ?? "", false) : row.to };
}

/**
 * The latest succeeded deployment per service and environment: one index probe each
 * (serviceId, environmentId, startedAt desc) instead of sorting the whole history.
 * Keyed `serviceId|environmentId`.
 */
export async function deployedVersions(serviceIds: string[], environmentIds: string[]): Promise<Map<string, string>> {
  if (!serviceIds.length) return new Map();
  const rows = await db().$queryRaw<{ serviceId: string; environmentId: string; version: string }[]>`
    select s.id as "serviceId", e.id as "environmentId", d.version
    from unnest(${serviceIds}::text[]) as s(id)
    cross join unnest(${environmentIds}::text[]) as e(id)
    cross join lateral (
      select version from "Deployment"
      where "serviceId" = s.id and "environmentId" = e.id and status = 'succeeded'
      order by "startedAt" desc, id desc limit 1
    ) d`;
  return new Map(rows.map((d) => [`${d.serviceId}|${d.environmentId}`, d.version]));
}
