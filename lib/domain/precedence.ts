// Effective config: the layers of one service in one environment resolved by the
// organisation's precedence order (highest first), with provenance.
import type { ConfigLayer } from "@/generated/prisma/enums";
import { CONFIG_LAYERS, DEFAULT_PRECEDENCE } from "./config-layers";

export interface LayerEntry {
  layer: ConfigLayer;
  key: string;
  value: string;
}

export interface Provenance {
  layer: ConfigLayer;
  value: string;
}

export interface EffectiveKey {
  key: string;
  value: string;
  layer: ConfigLayer;
  /** The lower-precedence layers that also set this key, highest first: what the winner overrode. */
  overrode: Provenance[];
}

/**
 * A usable precedence order: every layer exactly once. Unknown or repeated layers are
 * dropped (first occurrence wins) and missing ones are appended in the default order,
 * so a damaged org setting degrades to something total instead of hiding keys.
 */
export function normalizePrecedence(order: readonly string[] | null | undefined): ConfigLayer[] {
  const out: ConfigLayer[] = [];
  for (const l of order ?? []) if ((CONFIG_LAYERS as readonly string[]).includes(l) && !out.includes(l as ConfigLayer)) out.push(l as ConfigLayer);
  for (const l of DEFAULT_PRECEDENCE) if (!out.includes(l)) out.push(l);
  return out;
}

/**
 * Resolves entries by precedence. Keys are case-sensitive (`LOG_LEVEL` and `log_level`
 * are different keys, as they are to a process). Should one layer carry the same key
 * twice, the later entry wins, as in a file read top to bottom. Sorted by key.
 */
export function resolveEffective(entries: readonly LayerEntry[], precedence: readonly ConfigLayer[] = DEFAULT_PRECEDENCE): EffectiveKey[] {
  const order = normalizePrecedence(precedence);
  const rank = new Map(order.map((l, i) => [l, i]));
  const byKey = new Map<string, Map<ConfigLayer, string>>();
  for (const e of entries) {
    let layers = byKey.get(e.key);
    if (!layers) byKey.set(e.key, (layers = new Map()));
    layers.set(e.layer, e.value);
  }
  const out: EffectiveKey[] = [];
  for (const [key, layers] of byKey) {
    const sorted = [...layers].sort((a, b) => rank.get(a[0])! - rank.get(b[0])!).map(([layer, value]) => ({ layer, value }));
    const [winner, ...rest] = sorted;
    out.push({ key, value: winner.value, layer: winner.layer, overrode: rest });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
