/** A small bounded map for in-process caches: when full, the oldest entry goes first. */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  /** Entries of generations below this one were dropped (`dropGenerationsBefore`). */
  private droppedBelow = BigInt(-1);
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
    return this.getOrRead(atKey(generation, key), () => {
      this.dropGenerationsBefore(generation);
      return read();
    });
  }

  /** The value stored for `key` at `generation` (see `getOrReadAt`), for callers that look up many keys at once. */
  getAt(generation: bigint, key: string): V | undefined {
    return this.map.get(atKey(generation, key));
  }

  /** Stores `value` for `key` at `generation`, first dropping every older generation's entries. */
  setAt(generation: bigint, key: string, value: V): void {
    this.dropGenerationsBefore(generation);
    this.set(atKey(generation, key), value);
  }

  /**
   * Drops the entries stored as `<generation>|<key>` for a generation older than
   * `generation`; a scan only when `generation` is newer than the last one dropped below.
   * (A slow reader may still store an older generation's result afterwards: it is never
   * asked for, and ages out like any entry.)
   */
  dropGenerationsBefore(generation: bigint): void {
    if (generation <= this.droppedBelow) return;
    this.droppedBelow = generation;
    this.deleteWhere((k) => BigInt(k.slice(0, k.indexOf("|"))) < generation);
  }
}

const atKey = (generation: bigint, key: string) => `${generation}|${key}`;
