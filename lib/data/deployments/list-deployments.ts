import "server-only";
import { db } from "@/lib/db";
import { allEnvironments } from "@/lib/data/environments/list-environments";
import { serviceBySlug } from "@/lib/data/config/config-view";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { Prisma } from "@/generated/prisma/client";
import type { TListDeployments } from "@/lib/validations/deployments";
import { decodeCursor, encodeCursor } from "./cursor";
import type { DeploymentDto } from "./select";

interface Row {
  id: string;
  externalId: string | null;
  version: string;
  commitSha: string;
  status: DeploymentDto["status"];
  strategy: DeploymentDto["strategy"];
  progress: number;
  startedAt: Date;
  finishedAt: Date | null;
  triggeredBy: string;
  changeTicket: string | null;
  promotionId: string | null;
  rollbackOfId: string | null;
  serviceSlug: string;
  serviceName: string;
  envSlug: string;
  envName: string;
  replacedById: string | null;
  replacedByVersion: string | null;
}

/**
 * Deploy history, newest first, keyset-paginated on (startedAt, id) so page 10,000 costs
 * what page 1 does: one statement whose row comparison `("startedAt", id) < cursor` is an
 * index condition on the (…, startedAt desc, id desc) indexes. Only environments where the
 * principal may `view_deployments`; an unknown or invisible environment/service filter
 * simply matches nothing. Service and environment names come from joins, and the
 * deployment that replaced a rolled-back one from a lateral probe of (rollbackOfId).
 */
export async function listDeployments(principal: Principal, filters: TListDeployments): Promise<{ data: DeploymentDto[]; nextCursor: string | null }> {
  const visible = environmentIdsWith(principal, "view_deployments");
  if (visible.length === 0) return { data: [], nextCursor: null };
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  // Resolve slugs to ids first (from the cached environments and services) so the filters
  // hit the (environmentId, …) and (serviceId, …) indexes.
  const [env, service] = await Promise.all([
    filters.environment ? allEnvironments().then((all) => all.find((e) => e.slug === filters.environment && visible.includes(e.id)) ?? null) : null,
    filters.service ? serviceBySlug(filters.service) : null,
  ]);
  if ((filters.environment && !env) || (filters.service && !service)) return { data: [], nextCursor: null };

  const where: Prisma.Sql[] = [env ? Prisma.sql`d."environmentId" = ${env.id}` : Prisma.sql`d."environmentId" = any(${visible})`];
  if (service) where.push(Prisma.sql`d."serviceId" = ${service.id}`);
  if (filters.status) where.push(Prisma.sql`d.status = ${filters.status}::"DeploymentStatus"`);
  if (filters.person) where.push(Prisma.sql`d."triggeredBy" = ${filters.person}`);
  if (filters.from) where.push(Prisma.sql`d."startedAt" >= ${filters.from}`);
  if (filters.to) where.push(Prisma.sql`d."startedAt" < ${filters.to}`);
  if (cursor) where.push(Prisma.sql`(d."startedAt", d.id) < (${cursor.startedAt}, ${cursor.id})`);

  const rows = await db().$queryRaw<Row[]>`
    select d.id, d."externalId", d.version, d."commitSha", d.status::text as status, d.strategy::text as strategy, d.progress,
           d."startedAt", d."finishedAt", d."triggeredBy", d."changeTicket", d."promotionId", d."rollbackOfId",
           s.slug as "serviceSlug", s.name as "serviceName", e.slug as "envSlug", e.name as "envName",
           rb.id as "replacedById", rb.version as "replacedByVersion"
    from "Deployment" d
    join "Service" s on s.id = d."serviceId"
    join "Environment" e on e.id = d."environmentId"
    left join lateral (
      select r.id, r.version from "Deployment" r where r."rollbackOfId" = d.id order by r."startedAt" asc, r.id asc limit 1
    ) rb on d.status = 'rolled_back'
    where ${Prisma.join(where, " and ")}
    order by d."startedAt" desc, d.id desc
    limit ${filters.limit + 1}`;

  const more = rows.length > filters.limit;
  const data = (more ? rows.slice(0, filters.limit) : rows).map(toDto);
  const last = data.at(-1);
  return { data, nextCursor: more && last ? encodeCursor(last) : null };
}

function toDto(r: Row): DeploymentDto {
  const { serviceSlug, serviceName, envSlug, envName, replacedById, replacedByVersion, ...rest } = r;
  return {
    ...rest,
    service: { slug: serviceSlug, name: serviceName },
    environment: { slug: envSlug, name: envName },
    rolledBackBy: replacedById ? [{ id: replacedById, version: replacedByVersion ?? "" }] : [],
  };
}
