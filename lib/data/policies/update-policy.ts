import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { allows, hasRole, type Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import type { TUpdatePolicy } from "@/lib/validations/policies";

export function requirePlatform(principal: Principal) {
  if (!principal.userId || !hasRole(principal, "platform")) throw new AppError("FORBIDDEN", "Only the platform team edits promotion policies.");
}

/** The environment by slug, if the principal may see it (else 404). */
export async function visibleEnvironment(principal: Principal, slug: string) {
  const env = await db().environment.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!env || !allows(principal, env.id, "see")) throw notFound(`Environment "${slug}" not found`);
  return env;
}

/**
 * Edits (or creates) the promotion policy of an environment. Platform only;
 * optimistic on the version the editor saw; audited with before and after. Takes
 * effect on the next request or decision (gates are fixed per promotion at request time).
 */
export async function updatePolicy(principal: Principal, input: TUpdatePolicy) {
  requirePlatform(principal);
  const env = await visibleEnvironment(principal, input.environment);
  const { environment: _e, version, ...changes } = input;
  return db().$transaction(async (tx) => {
    const before = await tx.policy.findUnique({ where: { environmentId: env.id } });
    if (!before) {
      if (version !== 1) throw new AppError("CONFLICT", "This policy was deleted since you opened it. Reload.");
      await tx.policy.create({ data: { environmentId: env.id, ...changes } });
    } else {
      const result = await tx.policy.updateMany({ where: { environmentId: env.id, version }, data: { ...changes, version: { increment: 1 } } });
      if (result.count === 0) throw new AppError("CONFLICT", "Someone else changed this policy since you opened it. Reload to see their change.");
    }
    const prior = before ? Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])) : null;
    await writeAudit(tx, { actor: principal, action: "policy.update", targetType: "policy", targetId: env.id, environmentId: env.id, before: prior, after: changes });
    return { version: before ? version + 1 : 1 };
  });
}
