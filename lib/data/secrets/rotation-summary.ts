import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { rotationStatusBounds, type RotationSummary } from "@/lib/domain/rotation";

/**
 * Per environment the principal may read secrets of: how many live secrets are ok, due
 * soon, overdue, never rotated. Counted in SQL with the same bounds the registry filters by.
 */
export async function rotationSummary(principal: Principal, now: Date = new Date(), environmentSlug?: string) {
  const ids = environmentIdsWith(principal, "view_secrets");
  const envs = await db().environment.findMany({
    where: { id: { in: ids }, ...(environmentSlug ? { slug: environmentSlug } : {}) },
    select: { id: true, slug: true, name: true },
    orderBy: { position: "asc" },
  });
  if (envs.length === 0) return [];
  const soon = rotationStatusBounds("due_soon", now) as { lt: Date };
  const counts = await db().$queryRaw<{ environmentId: string; total: number; never_rotated: number; overdue: number; due_soon: number }[]>`
    select "environmentId",
      count(*)::int as total,
      count(*) filter (where "lastRotatedAt" is null)::int as never_rotated,
      count(*) filter (where "lastRotatedAt" is not null and "nextRotationAt" < ${now})::int as overdue,
      count(*) filter (where "lastRotatedAt" is not null and "nextRotationAt" >= ${now} and "nextRotationAt" < ${soon.lt})::int as due_soon
    from "Secret"
    where "deletedAt" is null and "environmentId" = any(${envs.map((e) => e.id)})
    group by "environmentId"`;
  const byEnv = new Map(counts.map((c) => [c.environmentId, c]));
  return envs.map((e) => {
    const c = byEnv.get(e.id);
    const summary: RotationSummary = c
      ? { total: c.total, never_rotated: c.never_rotated, overdue: c.overdue, due_soon: c.due_soon, ok: c.total - c.never_rotated - c.overdue - c.due_soon }
      : { total: 0, ok: 0, due_soon: 0, overdue: 0, never_rotated: 0 };
    return { slug: e.slug, name: e.name, summary };
  });
}
