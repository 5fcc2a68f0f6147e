import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { writeAudit } from "@/lib/data/audit/write-audit";
import type { TSaveConfigEntry } from "@/lib/validations/config";
import { serviceBySlug } from "./config-view";
import { auditValue, writeConfigChange } from "./write-config-change";

/**
 * Sets (or deletes) one key in one layer (needs `manage` on the environment; 404
 * otherwise). A new version with author, time and comment; a stale expectedVersion is
 * a CONFLICT and nothing changes; audited in the same transaction.
 */
export async function saveConfigEntry(principal: Principal, input: TSaveConfigEntry) {
  const env = await getEnvironment(principal, input.env, "manage");
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  const value = input.delete ? null : input.value;
  return db().$transaction(async (tx) => {
    const r = await writeConfigChange(tx, { serviceId: service.id, environmentId: env.id, layer: input.layer, key: input.key, value, expectedVersion: input.expectedVersion, comment: input.comment, authorId: principal.userId });
    await writeAudit(tx, {
      actor: principal,
      action: value === null ? "config.delete" : "config.set",
      targetType: "config_entry",
      targetId: r.entryId,
      environmentId: env.id,
      before: { service: service.slug, layer: input.layer, key: input.key, value: auditValue(r.before), version: input.expectedVersion },
      after: { service: service.slug, layer: input.layer, key: input.key, value: auditValue(value), version: r.version, comment: input.comment },
    });
    return { version: r.version };
  });
}
