import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { writeAudit } from "@/lib/data/audit/write-audit";
import type { TRestoreConfigVersion } from "@/lib/validations/config";
import { serviceBySlug } from "./config-view";
import { auditValue, writeConfigChange } from "./write-config-change";

/** Brings back an earlier version of a key as a new version (needs `manage`), guarded and audited. */
export async function restoreConfigVersion(principal: Principal, input: TRestoreConfigVersion) {
  const env = await getEnvironment(principal, input.env, "manage");
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  const old = await db().configVersion.findFirst({
    where: { version: input.version, entry: { serviceId: service.id, environmentId: env.id, layer: input.layer, key: input.key } },
    select: { value: true, deleted: true },
  });
  if (!old) throw notFound(`Version ${input.version} of ${input.key} not found`);
  const value = old.deleted ? null : old.value;
  const comment = input.comment || `Restored version ${input.version}`;
  return db().$transaction(async (tx) => {
    const r = await writeConfigChange(tx, { serviceId: service.id, environmentId: env.id, layer: input.layer, key: input.key, value, expectedVersion: input.expectedVersion, comment, authorId: principal.userId });
    await writeAudit(tx, {
      actor: principal,
      action: "config.restore",
      targetType: "config_entry",
      targetId: r.entryId,
      environmentId: env.id,
      before: { service: service.slug, layer: input.layer, key: input.key, value: auditValue(r.before), version: input.expectedVersion },
      after: { service: service.slug, layer: input.layer, key: input.key, value: auditValue(value), version: r.version, restoredFrom: input.version },
    });
    return { version: r.version };
  });
}
