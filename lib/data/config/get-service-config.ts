import "server-only";
import { db } from "@/lib/db";
import { BoundedCache } from "@/lib/bounded-cache";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { resolveEffective, type EffectiveKey } from "@/lib/domain/precedence";
import { byKey, pageByKey, type KeyPage } from "@/lib/domain/key-page";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { getPrecedence } from "./get-precedence";
import { configGeneration } from "./config-generation";
import { secretMetaFor, serviceBySlug, showValue, toKeyViews, type ConfigKeyView, type ShownValue } from "./config-view";

export interface LayerEntryView extends ShownValue {
  key: string;
  version: number;
  updatedAt: Date;
}

interface RawEntry {
  layer: ConfigLayer;
  key: string;
  value: string;
  version: number;
  updatedAt: Date;
}

/** What one service's config in one environment is, for anyone: no principal's view of it. */
interface ConfigData {
  service: { id: string; slug: string; name: string; team: string };
  precedence: ConfigLayer[];
  /** Sorted by key (code units). */
  effective: EffectiveKey[];
  /** Each layer's entries, sorted by key (code units). */
  layers: Record<ConfigLayer, RawEntry[]>;
}

// The rows of one service in one environment depend only on config data, which the
// ConfigGeneration counter versions (bumped in the writer's transaction by triggers on
// config entries, environments, services and the precedence setting): they are cached per
// (generation, environment, service) in a small LRU, so a page view costs one primary-key
// read instead of ~500 rows. Only principal-independent data is cached; masking, hidden
// secret references, edit rights and secret metadata (the Secret table is not versioned
// by the generation: read fresh) are applied on every call.
const CACHE_SIZE = 64;
const cache = new BoundedCache<Promise<ConfigData | null>>(CACHE_SIZE);

function configData(envId: string, serviceSlug: string, generation: bigint): Promise<ConfigData | null> {
  return cache.getOrReadAt(generation, `${envId}|${serviceSlug}`, () => loadConfigData(envId, serviceSlug));
}

async function loadConfigData(envId: string, serviceSlug: string): Promise<ConfigData | null> {
  const service = await serviceBySlug(serviceSlug);
  if (!service) return null;
  const [precedence, rows] = await Promise.all([
    getPrecedence(),
    db().configEntry.findMany({
      where: { environmentId: envId, serviceId: service.id, deleted: false },
      select: { layer: true, key: true, value: true, version: true, updatedAt: true },
    }),
  ]);
  rows.sort(byKey);
  const layers = {} as Record<ConfigLayer, RawEntry[]>;
  for (const l of precedence) layers[l] = [];
  for (const r of rows) layers[r.layer].push(r);
  return { service, precedence, effective: resolveEffective(rows, precedence), layers };
}

/** The environment (authorized: 404 unless the caller may see its config) and the service's cached config data. */
async function load(principal: Principal, envSlug: string, serviceSlug: string) {
  const [env, generation] = await Promise.all([getEnvironment(principal, envSlug, "view_config"), configGeneration()]);
  const data = await configData(env.id, serviceSlug, generation);
  if (!data) throw notFound(`Service "${serviceSlug}" not found`);
  const secretsVisible = allows(principal, env.id, "view_secrets");
  const entryView = (r: RawEntry): LayerEntryView => ({ key: r.key, version: r.version, updatedAt: r.updatedAt, ...showValue(r.layer, r.value, secretsVisible) });
  const keyViews = async (keys: readonly EffectiveKey[]): Promise<ConfigKeyView[]> => {
    const refs = secretsVisible ? keys.filter((k) => k.layer === "secret").map((k) => k.value) : [];
    return toKeyViews(keys, secretsVisible, await secretMetaFor(principal, refs));
  };
  return {
    data,
    entryView,
    keyViews,
    view: {
      environment: { id: env.id, slug: env.slug, name: env.name, secretPrefix: env.secretPrefix, level: env.level },
      service: data.service,
      precedence: data.precedence,
      secretsVisible,
      canEdit: allows(principal, env.id, "manage"),
    },
  };
}

/**
 * One service's config in one environment (needs view_config; 404 otherwise): the
 * effective keys with provenance and the raw entries per layer with their versions.
 * Secret references are only included for callers who may see secrets.
 */
export async function getServiceConfig(principal: Principal, envSlug: string, serviceSlug: string) {
  const { data, view, entryView, keyViews } = await load(principal, envSlug, serviceSlug);
  const layers = {} as Record<ConfigLayer, LayerEntryView[]>;
  for (const l of data.precedence) layers[l] = l === "secret" && !view.secretsVisible ? [] : data.layers[l].map(entryView);
  return { ...view, keys: await keyViews(data.effective), layers };
}

export type ServiceConfig = Awaited<ReturnType<typeof getServiceConfig>>;

export interface ServiceConfigPageQuery {
  layer?: ConfigLayer;
  /** Case-insensitive substring of the key name (both lists). */
  q?: string;
  /** Effective keys: the page after this key, or else the page holding `key`. */
  after?: string;
  key?: string;
  /** The selected layer's entries: the page after this key. */
  lafter?: string;
  /** The entry of the selected layer to edit (full access only). */
  edit?: string;
  per: number;
}

type Paged<T> = KeyPage<T> & { total: number };

/**
 * What the service config page shows: one page of the effective keys and one page of the
 * selected layer's entries (same filter), the entry being edited, and the layers' sizes.
 * Only the shown rows are masked and get their secret metadata.
 */
export async function getServiceConfigPage(principal: Principal, envSlug: string, serviceSlug: string, query: ServiceConfigPageQuery) {
  const { data, view, entryView, keyViews } = await load(principal, envSlug, serviceSlug);
  const visibleLayers = data.precedence.filter((l) => l !== "secret" || view.secretsVisible);
  const layer: ConfigLayer = query.layer && visibleLayers.includes(query.layer) ? query.layer : "flag";
  const keyPage = pageByKey(data.effective, { q: query.q, after: query.after, focus: query.key, per: query.per });
  const entries = data.layers[layer];
  const entryPage = pageByKey(entries, { q: query.q, after: query.lafter, per: query.per });
  const editing = view.canEdit && query.edit ? entries.find((e) => e.key === query.edit) : undefined;
  const keys: Paged<ConfigKeyView> = { ...keyPage, items: await keyViews(keyPage.items), total: data.effective.length };
  const layerEntries: Paged<LayerEntryView> = { ...entryPage, items: entryPage.items.map(entryView), total: entries.length };
  return {
    ...view,
    visibleLayers,
    layer,
    layerSizes: Object.fromEntries(visibleLayers.map((l) => [l, data.layers[l].length])) as Partial<Record<ConfigLayer, number>>,
    keys,
    entries: layerEntries,
    editing: editing ? entryView(editing) : null,
  };
}

export type ServiceConfigPage = Awaited<ReturnType<typeof getServiceConfigPage>>;
