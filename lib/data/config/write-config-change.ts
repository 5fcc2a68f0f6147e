import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { detectSecret, maskValue } from "@/lib/domain/secret-detection";

export interface ConfigChange {
  serviceId: string;
  environmentId: string;
  layer: ConfigLayer;
  key: string;
  /** The new value, or null to delete the key from the layer. */
  value: string | null;
  /** The version the editor saw; 0 for a key that does not exist yet. */
  expectedVersion: number;
  comment: string;
  authorId: string | null;
}

/** What an audit snapshot may hold of a value: never a secret-looking one. */
export const auditValue = (v: string | null) => (v === null ? null : detectSecret(v) ? maskValue(v) : v);

const conflict = (key: string) => new AppError("CONFLICT", `Someone else changed ${key} since you opened it. Reload to see their change, then try again.`, { expectedVersion: ["Stale version"] });

/**
 * Applies one change inside the caller's transaction: a guarded update (the version
 * must still be the one the editor saw) or a create, plus a new ConfigVersion row.
 * Returns the new version and the previous value for the audit snapshot.
 */
export async function writeConfigChange(tx: Tx, c: ConfigChange): Promise<{ entryId: string; version: number; before: string | null }> {
  const current = await tx.configEntry.findUnique({
    where: { serviceId_environmentId_layer_key: { serviceId: c.serviceId, environmentId: c.environmentId, layer: c.layer, key: c.key } },
    select: { id: true, version: true, value: true, deleted: true },
  });
  if (!current) {
    if (c.expectedVersion !== 0) throw conflict(c.key);
    if (c.value === null) throw new AppError("NOT_FOUND", `${c.key} is not set in this layer`);
    try {
      const created = await tx.configEntry.create({ data: { serviceId: c.serviceId, environmentId: c.environmentId, layer: c.layer, key: c.key, value: c.value, version: 1 }, select: { id: true } });
      await tx.configVersion.create({ data: { entryId: created.id, version: 1, value: c.value, comment: c.comment, authorId: c.authorId } });
      return { entryId: created.id, version: 1, before: null };
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict(c.key);
      throw e;
    }
  }
  // A deleted key looks "not set" to the editor, so 0 is what they saw.
  const expected = current.deleted && c.expectedVersion === 0 ? current.version : c.expectedVersion;
  if (current.version !== expected) throw conflict(c.key);
  if (c.value === null && current.deleted) throw new AppError("NOT_FOUND", `${c.key} is not set in this layer`);
  const next = current.version + 1;
  const result = await tx.configEntry.updateMany({
    where: { id: current.id, version: expected },
    data: c.value === null ? { deleted: true, version: next } : { value: c.value, deleted: false, version: next },
  });
  if (result.count === 0) throw conflict(c.key);
  await tx.configVersion.create({ data: { entryId: current.id, version: next, value: c.value ?? current.value, deleted: c.value === null, comment: c.comment, authorId: c.authorId } });
  return { entryId: current.id, version: next, before: current.deleted ? null : current.value };
}
