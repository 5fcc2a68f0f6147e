import "server-only";
import { db } from "@/lib/db";
import { levelsFor, type Principal } from "@/lib/authz";

/** Re-reads a user, their roles and the access matrix. Null when missing or deactivated. */
export async function loadUserPrincipal(userId: string): Promise<Principal | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, active: true, roles: { select: { role: true } } },
  });
  if (!user || !user.active) return null;
  const roles = user.roles.map((r) => r.role);
  const grants = roles.length
    ? await db().accessGrant.findMany({ where: { role: { in: roles } }, select: { role: true, environmentId: true, level: true } })
    : [];
  return { kind: "user", userId: user.id, email: user.email, name: user.name, roles, levels: levelsFor(roles, grants) };
}

export async function findActiveUserIdByEmail(email: string): Promise<string | null> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, active: true } });
  return user?.active ? user.id : null;
}

export async function touchLastSeen(userId: string): Promise<void> {
  // Cheap and best-effort: at most once a minute per user.
  await db().$executeRaw`update "User" set "lastSeenAt" = now() where id = ${userId} and ("lastSeenAt" is null or "lastSeenAt" < now() - interval '1 minute')`;
}
