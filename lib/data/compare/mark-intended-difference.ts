import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { serviceBySlug } from "@/lib/data/config/config-view";
import { writeAudit } from "@/lib/data/audit/write-audit";
import type { TMarkIntended, TUnmarkIntended } from "@/lib/validations/config";

async function context(principal: Principal, input: TUnmarkIntended) {
  // Marking speaks for the target environment: `manage` there, and config visibility on the source.
  const [from, to] = await Promise.all([getEnvironment(principal, input.from, "view_config"), getEnvironment(principal, input.to, "manage")]);
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  return { from, to, service };
}

/** Marks a key's difference between two environments as on purpose, with a reason. Audited; re-marking updates the reason. */
export async function markIntendedDifference(principal: Principal, input: TMarkIntended) {
  const { from, to, service } = await context(principal, input);
  return db().$transaction(async (tx) => {
    const unique = { serviceId_key_fromEnvironmentId_toEnvironmentId: { serviceId: service.id, key: input.key, fromEnvironmentId: from.id, toEnvironmentId: to.id } };
    const before = await tx.intendedDifference.findUnique({ where: unique, select: { reason: true } });
    const row = await tx.intendedDifference.upsert({
      where: unique,
      create: { serviceId: service.id, key: input.key, fromEnvironmentId: from.id, toEnvironmentId: to.id, reason: input.reason, markedById: principal.userId },
      update: { reason: input.reason, markedById: principal.userId },
      select: { id: true },
    });
    await writeAudit(tx, { actor: principal, action: "config.intended.mark", targetType: "intended_difference", targetId: row.id, environmentId: to.id, before, after: { service: service.slug, key: input.key, from: from.slug, to: to.slug, reason: input.reason } });
    return { id: row.id };
  });
}

/** Removes the mark, in either direction (needs `manage` on the target). Audited. */
export async function unmarkIntendedDifference(principal: Principal, input: TUnmarkIntended) {
  const { from, to, service } = await context(principal, input);
  return db().$transaction(async (tx) => {
    const rows = await tx.intendedDifference.findMany({
      where: { serviceId: service.id, key: input.key, OR: [{ fromEnvironmentId: from.id, toEnvironmentId: to.id }, { fromEnvironmentId: to.id, toEnvironmentId: from.id }] },
      select: { id: true, reason: true },
    });
    if (!rows.length) throw notFound("That difference is not marked as intended");
    await tx.intendedDifference.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    await writeAudit(tx, { actor: principal, action: "config.intended.unmark", targetType: "intended_difference", targetId: rows[0].id, environmentId: to.id, before: { service: service.slug, key: input.key, from: from.slug, to: to.slug, reason: rows[0].reason }, after: null });
    return { removed: rows.length };
  });
}
