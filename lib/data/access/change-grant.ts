import "server-only";
import type { AccessLevel, Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { compareLevels, hasRole, levelsFor, LEVEL_LABEL, type Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import type { TGrantChange } from "@/lib/validations/access";

export interface GrantEffect {
  environment: { id: string; slug: string; name: string; isProduction: boolean };
  from: AccessLevel;
  to: AccessLevel;
  people: { name: string; email: string; before: AccessLevel; after: AccessLevel }[];
  summary: string;
}

async function loadTarget(principal: Principal, input: TGrantChange) {
  // Only platform edits the matrix; to anyone else the operation does not exist.
  if (!hasRole(principal, "platform")) throw new AppError("NOT_FOUND", "Not found");
  const env = await db().environment.findUnique({ where: { slug: input.environmentSlug }, select: { id: true, slug: true, name: true, position: true } });
  if (!env) throw new AppError("NOT_FOUND", `Environment "${input.environmentSlug}" not found`);
  const last = await db().environment.aggregate({ _max: { position: true } });
  return { ...env, isProduction: env.position === last._max.position };
}

/** What a change would do: whose effective level on that environment moves, and how. */
export async function previewGrantChange(principal: Principal, input: TGrantChange): Promise<GrantEffect> {
  const env = await loadTarget(principal, input);
  const grants = await db().accessGrant.findMany({ select: { role: true, environmentId: true, level: true } });
  const from = grants.find((g) => g.role === input.role && g.environmentId === env.id)?.level ?? "none";
  const changed = [...grants.filter((g) => !(g.role === input.role && g.environmentId === env.id)), { role: input.role, environmentId: env.id, level: input.level }];
  const users = await db().user.findMany({
    where: { active: true, roles: { some: { role: input.role } } },
    select: { name: true, email: true, roles: { select: { role: true } } },
    take: 5000,
  });
  const people = users
    .map((u) => {
      const roles = u.roles.map((r) => r.role as Role);
      return { name: u.name, email: u.email, before: levelsFor(roles, grants).get(env.id) ?? "none", after: levelsFor(roles, changed).get(env.id) ?? "none" };
    })
    .filter((p) => p.before !== p.after);
  const losing = people.filter((p) => compareLevels(p.after, p.before) < 0).length;
  const gaining = people.length - losing;
  const summary =
    people.length === 0
      ? `Nobody's access to ${env.name} changes (other roles already give them ${LEVEL_LABEL[input.level]} or more).`
      : [losing ? `${losing} ${losing === 1 ? "person loses" : "people lose"} access to ${env.name}` : "", gaining ? `${gaining} ${gaining === 1 ? "person gains" : "people gain"} access to ${env.name}` : ""].filter(Boolean).join("; ") + ".";
  return { environment: env, from, to: input.level, people, summary };
}

/** Applies a matrix change: platform only, production needs a reason, audited; effective on the next request. */
export async function changeGrant(principal: Principal, input: TGrantChange): Promise<GrantEffect> {
  const effect = await previewGrantChange(principal, input);
  if (input.role === "platform" && input.level !== "full") {
    throw new AppError("CONFLICT", "The platform role owns the matrix and keeps full access everywhere.", { level: ["Platform keeps full access"] });
  }
  if (effect.environment.isProduction && !input.reason?.trim()) {
    throw new AppError("UNPROCESSABLE", "A change to production access needs a reason.", { reason: ["Say why production access changes"] });
  }
  await db().$transaction(async (tx) => {
    await tx.accessGrant.upsert({
      where: { role_environmentId: { role: input.role, environmentId: effect.environment.id } },
      create: { role: input.role, environmentId: effect.environment.id, level: input.level },
      update: { level: input.level },
    });
    await writeAudit(tx, {
      actor: principal,
      action: "access.grant.change",
      targetType: "access_grant",
      targetId: `${input.role}:${effect.environment.slug}`,
      environmentId: effect.environment.id,
      before: { role: input.role, level: effect.from },
      after: { role: input.role, level: input.level, reason: input.reason ?? null, affected: effect.people.map((p) => p.email) },
    });
  });
  return effect;
}
