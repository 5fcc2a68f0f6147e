import "server-only";
import { db } from "@/lib/db";
import { levelsFor, type Principal } from "@/lib/authz";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";

const principals = new BoundedCache<Promise<Principal | null>>(5_000);

/**
 * A user, their roles and their levels from the access matrix; null when missing or
 * deactivated. Kept per access generation (bumped in the same transaction as any change
 * to users, roles or the matrix), so a removed role or a deactivation applies to the very
 * next request, and an unchanged principal costs one primary-key read.
 */
export async function loadUserPrincipal(userId: string): Promise<Principal | null> {
  const { access } = await dataGenerations();
  return principals.getOrRead(`${access}|${userId}`, () => readUserPrincipal(userId));
}

async function readUserPrincipal(userId: string): Promise<Principal | null> {
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

const lastTouched = new BoundedCache<number>(10_000);

export async function touchLastSeen(userId: string, now = Date.now()): Promise<void> {
  // Cheap and best-effort: at most once a minute per user (checked here first, so most
  // requests make no round trip, and in the database, for several portal processes).
  const last = lastTouched.get(userId);
  if (last !== undefined && now - last < 60_000) return;
  lastTouched.set(userId, now);
  await db().$executeRaw`update "User" set "lastSeenAt" = now() where id = ${userId} and ("lastSeenAt" is null or "lastSeenAt" < now() - interval '1 minute')`;
}
