// The audit trail is a hash chain: each event's hash covers its own fields and the
// previous event's hash, so editing, deleting or reordering a row breaks the chain
// at that row. Pure: no I/O.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  id: bigint | number | string;
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  environmentId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** JSON with object keys sorted, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({
    id: String(e.id),
    createdAt: e.createdAt.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    environmentId: e.environmentId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export interface ChainRow extends ChainedFields {
  prevHash: string | null;
  hash: string | null;
}

export type ChainBreak = { id: string; reason: "prev_hash_mismatch" | "hash_mismatch" };

/** Walks rows in chain order (seq); returns the first broken link, or null when intact. */
export function verifyChain(rows: Iterable<ChainRow>, startHash = GENESIS_HASH): { checked: number; lastHash: string; broken: ChainBreak | null } {
  let prev = startHash;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== prev) return { checked, lastHash: prev, broken: { id: String(row.id), reason: "prev_hash_mismatch" } };
    if (eventHash(prev, row) !== row.hash) return { checked, lastHash: prev, broken: { id: String(row.id), reason: "hash_mismatch" } };
    prev = row.hash;
    checked++;
  }
  return { checked, lastHash: prev, broken: null };
}

const SECRET_KEYS = /(password|secret|token|api[_-]?key|private[_-]?key|credential|value)$/i;

/** Before/after snapshots never carry secret values: such fields are replaced. */
export function redactSnapshot(value: unknown, keyHint = ""): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map((v) => redactSnapshot(v, keyHint));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactSnapshot(v, k)]));
  }
  if (typeof value === "string" && SECRET_KEYS.test(keyHint) && keyHint !== "value") return "[redacted]";
  return value;
}
