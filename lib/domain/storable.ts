// What Postgres can store, checked at the boundary so odd input is a field error (422),
// not a database error (500): text cannot hold U+0000 (22021), and a timestamp before
// 4713 BC, or an ISO year 0000, is out of range (22008).

export const NUL_MESSAGE = "Text may not contain NUL (\\u0000) characters";
export const DATE_RANGE_MESSAGE = "A date between the years 1 and 9999";

/**
 * The dotted path of the first string, or object key, holding a NUL ("" for the value
 * itself), or null when there is none.
 */
export function nulPath(value: unknown, at: (string | number)[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at.join(".") : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...at, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return [...at, k.replace(/\u0000/g, "\\u0000")].join(".");
      const found = nulPath(v, [...at, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A valid date in the years 1–9999 (UTC): one every layer, Postgres included, reads the same way. */
export function isStorableDate(d: Date): boolean {
  const year = d.getUTCFullYear();
  return !Number.isNaN(d.getTime()) && year >= 1 && year <= 9999;
}
