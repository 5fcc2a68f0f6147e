// The diff of one service's effective config between two environments.
import type { ConfigLayer } from "@/generated/prisma/enums";
import type { EffectiveKey } from "./precedence";

export type DiffStatus = "added" | "removed" | "changed" | "identical";

export interface DiffSide {
  value: string;
  layer: ConfigLayer;
}

export interface DiffRow {
  key: string;
  /** added: only in `to`; removed: only in `from`; changed: both, different values. */
  status: DiffStatus;
  /** A difference someone marked as on purpose (never set on identical rows). */
  intended: boolean;
  from: DiffSide | null;
  to: DiffSide | null;
}

export interface DiffOptions {
  /** Keys whose difference is intended. */
  intended?: ReadonlySet<string>;
  /**
   * Secret references are namespaced by environment (`staging/db/password` vs
   * `production/db/password`); with the prefixes they compare by the rest of the name.
   */
  fromSecretPrefix?: string;
  toSecretPrefix?: string;
}

function comparable(side: DiffSide, prefix: string | undefined): string {
  if (side.layer === "secret" && prefix && side.value.startsWith(prefix)) return `secret:${side.value.slice(prefix.length)}`;
  return side.value;
}

/** Rows sorted by key; keys compare case-sensitively. */
export function diffConfigs(from: readonly EffectiveKey[], to: readonly EffectiveKey[], options: DiffOptions = {}): DiffRow[] {
  const a = new Map(from.map((k) => [k.key, { value: k.value, layer: k.layer }]));
  const b = new Map(to.map((k) => [k.key, { value: k.value, layer: k.layer }]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return keys.map((key) => {
    const f = a.get(key) ?? null;
    const t = b.get(key) ?? null;
    const status: DiffStatus = !f ? "added" : !t ? "removed" : comparable(f, options.fromSecretPrefix) === comparable(t, options.toSecretPrefix) ? "identical" : "changed";
    return { key, status, intended: status !== "identical" && (options.intended?.has(key) ?? false), from: f, to: t };
  });
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  identical: number;
  intended: number;
  total: number;
}

export function countDiff(rows: readonly DiffRow[]): DiffCounts {
  const c: DiffCounts = { added: 0, removed: 0, changed: 0, identical: 0, intended: 0, total: rows.length };
  for (const r of rows) {
    if (r.intended) c.intended++;
    else c[r.status]++;
  }
  return c;
}
