import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache.getOrReadAt", () => {
  it("shares a read within a generation and drops older generations on a newer one's miss", async () => {
    const cache = new BoundedCache<Promise<string>>(10);
    let reads = 0;
    const read = (v: string) => async () => (reads++, v);
    expect(await cache.getOrReadAt(BigInt(1), "a", read("a1"))).toBe("a1");
    expect(await cache.getOrReadAt(BigInt(1), "a", read("other"))).toBe("a1");
    expect(await cache.getOrReadAt(BigInt(1), "b", read("b1"))).toBe("b1");
    expect(reads).toBe(2);
    expect(await cache.getOrReadAt(BigInt(2), "a", read("a2"))).toBe("a2");
    expect(cache.get("1|a")).toBeUndefined();
    expect(cache.get("1|b")).toBeUndefined();
    expect(await cache.get("2|a")).toBe("a2");
  });

  it("getAt / setAt: many keys at a generation; a newer generation's first write drops the older ones", () => {
    const cache = new BoundedCache<string>(10);
    cache.setAt(BigInt(1), "x", "x1");
    cache.setAt(BigInt(1), "y", "y1");
    expect(cache.getAt(BigInt(1), "x")).toBe("x1");
    expect(cache.getAt(BigInt(2), "x")).toBeUndefined();
    cache.setAt(BigInt(2), "x", "x2");
    expect(cache.getAt(BigInt(1), "y")).toBeUndefined();
    expect(cache.getAt(BigInt(2), "x")).toBe("x2");
    // A slow writer of an older generation stores nothing a reader of the newer one sees.
    cache.setAt(BigInt(1), "y", "late");
    expect(cache.getAt(BigInt(2), "y")).toBeUndefined();
  });
});
