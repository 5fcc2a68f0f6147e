import "server-only";
import type { AccessLevel, Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { environmentWhere, levelsFor, ROLES, type Principal } from "@/lib/authz";

/**
 * The role × environment matrix over the environments the viewer can see, with the
 * people in each role and, per environment, who could approve a promotion into it today
 * (policy approver roles ∩ `full` on that environment, active, by name).
 */
export async function getAccessMatrix(principal: Principal) {
  const environments = await db().environment.findMany({
    where: environmentWhere(principal, "see"),
    select: { id: true, slug: true, name: true, position: true, policy: { select: { approverRoles: true, hotfixApproverRoles: true, approvalsRequired: true, autoApprove: true } } },
    orderBy: { position: "asc" },
  });
  const grants = await db().accessGrant.findMany({ select: { role: true, environmentId: true, level: true } });
  const users = await db().user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, roles: { select: { role: true } } },
    orderBy: { name: "asc" },
    take: 2000,
  });
  const cell = new Map(grants.map((g) => [`${g.role}:${g.environmentId}`, g.level]));
  const peopleByRole = Object.fromEntries(ROLES.map((r) => [r, users.filter((u) => u.roles.some((x) => x.role === r)).length])) as Record<Role, number>;
  const levelsByUser = users.map((u) => ({ user: u, levels: levelsFor(u.roles.map((r) => r.role), grants) }));
  return {
    roles: ROLES,
    peopleByRole,
    environments: environments.map((env) => {
      const approverRoles = env.policy?.approverRoles ?? [];
      const approvers = env.policy?.autoApprove
        ? []
        : levelsByUser
            .filter(({ user, levels }) => levels.get(env.id) === "full" && user.roles.some((r) => approverRoles.includes(r.role)))
            .map(({ user }) => ({ name: user.name, email: user.email }));
      const hotfixRoles = env.policy?.hotfixApproverRoles ?? [];
      const hotfixApprovers = env.policy?.autoApprove
        ? []
        : levelsByUser
            .filter(({ user, levels }) => (levels.get(env.id) ?? "none") !== "none" && user.roles.some((r) => hotfixRoles.includes(r.role)))
            .map(({ user }) => ({ name: user.name, email: user.email }));
      return {
        id: env.id,
        slug: env.slug,
        name: env.name,
        isProduction: env.position === Math.max(...environments.map((e) => e.position)),
        levels: Object.fromEntries(ROLES.map((r) => [r, cell.get(`${r}:${env.id}`) ?? "none"])) as Record<Role, AccessLevel>,
        autoApprove: env.policy?.autoApprove ?? false,
        approverRoles,
        approvers,
        hotfixApprovers,
      };
    }),
  };
}
