import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
import { rotationStatusBounds, type RotationSummary } from "@/lib/domain/rotation";

interface EnvRotation {
  id: string;
  slug: string;
  name: string;
  total: number;
  neverRotated: number;
  /** nextRotationAt (ms) of the live secrets rotated at least once, ascending */
  next: Float64Array;
}

const snapshots = new BoundedCache<Promise<EnvRotation[]>>(4);

/** The first index in ascending `a` whose value is >= x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every environment's live secrets as counts and sorted next-rotation times: what the summary needs at any `now`. */
function snapshot(key: string): Promise<EnvRotation[]> {
  return snapshots.getOrRead(key, async () => {
    const [envs, rows] = await Promise.all([
      db().environment.findMany({ select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } }),
      db().$queryRaw<{ environmentId: string; total: number; never_rotated: number; next: Date[] | null }[]>`
        select "environmentId",
          count(*)::int as total,
          count(*) filter (where "lastRotatedAt" is null)::int as never_rotated,
          array_agg("nextRotationAt" order by "nextRotationAt") filter (where "lastRotatedAt" is not null) as next
        from "Secret"
        where "deletedAt" is null
        group by "environmentId"`,
    ]);
    const byEnv = new Map(rows.map((r) => [r.environmentId, r]));
    return envs.map((e) => {
      const r = byEnv.get(e.id);
      // A rotated secret without a next date is never overdue (as in SQL: null < now is not true).
      const next = Float64Array.from((r?.next ?? []).map((d) => (d ? d.getTime() : Number.POSITIVE_INFINITY)));
      next.sort();
      return { ...e, total: r?.total ?? 0, neverRotated: r?.never_rotated ?? 0, next };
    });
  });
}

/**
 * Per environment the principal may read secrets of: how many live secrets are ok, due
 * soon, overdue, never rotated, with the same bounds the registry filters by. The
 * registry's rotation dates are kept per secrets and config generation (bumped in the
 * writer's transaction: a sync or an edit shows at once); the counts are taken at `now`
 * on every call, so a secret becomes overdue the moment its date passes.
 */
export async function rotationSummary(principal: Principal, now: Date = new Date(), environmentSlug?: string) {
  const visible = new Set(environmentIdsWith(principal, "view_secrets"));
  if (visible.size === 0) return [];
  const g = await dataGenerations();
  const envs = (await snapshot(`${g.secrets}|${g.config}`)).filter((e) => visible.has(e.id) && (!environmentSlug || e.slug === environmentSlug));
  const soon = (rotationStatusBounds("due_soon", now) as { lt: Date }).lt.getTime();
  return envs.map((e) => {
    const overdue = lowerBound(e.next, now.getTime());
    const dueSoon = lowerBound(e.next, soon) - overdue;
    const rotated = e.total - e.neverRotated;
    const summary: RotationSummary = { total: e.total, never_rotated: e.neverRotated, overdue, due_soon: dueSoon, ok: rotated - overdue - dueSoon };
    return { slug: e.slug, name: e.name, summary };
  });
}
