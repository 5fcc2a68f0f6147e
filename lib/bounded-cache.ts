/** A small bounded map for in-process caches: when full, the oldest entry goes first. */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  /** Drops every entry whose key `drop` accepts (e.g. results of an older data generation). */
  deleteWhere(drop: (key: string) => boolean): void {
    for (const key of this.map.keys()) if (drop(key)) this.map.delete(key);
  }

  /**
   * For a cache of promises: the result stored under `key` (now the most recently used),
   * else `read()`'s, stored so concurrent callers share one read. A read that fails is
   * forgotten, so the next call tries again.
   */
  getOrRead<T>(this: BoundedCache<Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key);
    if (hit) {
      this.set(key, hit);
      return hit;
    }
    const promise = read();
    this.set(key, promise);
    promise.catch(() => {
      if (this.map.get(key) === promise) this.map.delete(key);
    });
    return promise;
  }

  /**
   * `getOrRead` for results computed from data at a generation (lib/data/generations.ts):
   * stored as `<generation>|<key>`. A miss first drops every older generation's entries,
   * which are never asked for again.
   */
  getOrReadAt<T>(this: BoundedCache<Promise<T>>, generation: bigint, key: string, read: () => Promise<T>): Promise<T> {
    return this.getOrRead(`${generation}|${key}`, () => {
      this.dropGenerationsBefore(generation);
      return read();
    });
  }

  /** Drops the entries stored as `<generation>|<key>` for a generation older than `generation`. */
  dropGenerationsBefore(generation: bigint): void {
    this.deleteWhere((k) => BigInt(k.slice(0, k.indexOf("|"))) < generation);
  }
}
