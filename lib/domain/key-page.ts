// One page of a key-sorted list (effective config, a layer's entries): a case-insensitive
// substring filter on the key name, then keyset paging on the key.

export interface KeyPageQuery {
  /** Case-insensitive substring of the key name. */
  q?: string;
  /** Keyset cursor: the page starts at the first key after this one (exclusive). */
  after?: string;
  /** Without `after`: show the page that contains this key (pages aligned as "next" would reach them). */
  focus?: string;
  per: number;
}

export interface KeyPage<T> {
  items: T[];
  /** Keys matching the filter (all keys without one). */
  matched: number;
  /** Index of the first item among the matching keys (0 on the first page). */
  start: number;
  /** The cursor of the next page, null on the last one. */
  nextAfter: string | null;
}

/** Code-unit order, as `resolveEffective` sorts (not the database collation). */
export const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function matchesKey(key: string, q: string | undefined): boolean {
  return !q || key.toLowerCase().includes(q.toLowerCase());
}

/** `sorted` must be sorted by `byKey`. */
export function pageByKey<T extends { key: string }>(sorted: readonly T[], query: KeyPageQuery): KeyPage<T> {
  const per = Math.max(1, Math.floor(query.per));
  const list = query.q ? sorted.filter((x) => matchesKey(x.key, query.q)) : sorted;
  let start = 0;
  if (query.after !== undefined) {
    const after = query.after;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].key <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  } else if (query.focus !== undefined) {
    const at = list.findIndex((x) => x.key === query.focus);
    if (at > 0) start = at - (at % per);
  }
  const items = list.slice(start, start + per);
  return { items, matched: list.length, start, nextAfter: start + per < list.length ? items[items.length - 1].key : null };
}
