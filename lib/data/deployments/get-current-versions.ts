import "server-only";
import { db } from "@/lib/db";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
import { environmentIdsWith, type Principal } from "@/lib/authz";

export interface RunningVersion {
  serviceId: string;
  environmentId: string;
  id: string;
  version: string;
  startedAt: Date;
  finishedAt: Date | null;
}

const grids = new BoundedCache<Promise<RunningVersion[]>>(64);

/**
 * What runs where now: per service and visible environment, the latest successful
 * deployment. One index probe per (service, environment) pair via a lateral join on
 * (serviceId, environmentId, startedAt desc), so it stays fast at millions of rows; kept
 * per deployments and config generation (a deploy or a service change reads it again),
 * for the caller's visible environments. Callers get shared objects and must not change them.
 */
export async function getCurrentVersions(principal: Principal, options: { environmentId?: string; serviceId?: string } = {}): Promise<RunningVersion[]> {
  let envIds = environmentIdsWith(principal, "view_deployments");
  if (options.environmentId) envIds = envIds.filter((id) => id === options.environmentId);
  if (envIds.length === 0) return [];
  const serviceFilter = options.serviceId ?? null;
  const g = await dataGenerations();
  const key = `${g.config}|${[...envIds].sort().join(",")}|${serviceFilter ?? ""}`;
  return grids.getOrReadAt(g.deployments, key, () => readGrid(envIds, serviceFilter));
}

function readGrid(envIds: string[], serviceFilter: string | null): Promise<RunningVersion[]> {
  return db().$queryRaw<RunningVersion[]>`
    select s.id as "serviceId", e.id as "environmentId", d.id, d.version, d."startedAt", d."finishedAt"
    from "Service" s
    cross join "Environment" e
    join lateral (
      select id, version, "startedAt", "finishedAt" from "Deployment"
      where "serviceId" = s.id and "environmentId" = e.id and status = 'succeeded'
      order by "startedAt" desc, id desc limit 1
    ) d on true
    where e.id = any(${envIds}) and (${serviceFilter}::text is null or s.id = ${serviceFilter})`;
}
