import "server-only";
import { db } from "@/lib/db";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
import { allEnvironments } from "@/lib/data/environments/list-environments";
import { serviceBySlug, servicesById } from "@/lib/data/config/config-view";
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
  serviceId: string;
  environmentId: string;
}

/**
 * Deploy history, newest first, keyset-paginated on (startedAt, id) so page 10,000 costs
 * what page 1 does: one statement whose row comparison `("startedAt", id) < cursor` is an
 * index condition on the (…, startedAt desc, id desc) indexes. Only environments where the
 * principal may `view_deployments`; an unknown or invisible environment/service filter
 * simply matches nothing.
 *
 * The statement reads the one table: service and environment names come from the rows
 * kept per config generation, and the deployment that replaced a rolled-back one from a
 * second statement only when the page has one. Joining them in cost Postgres ~1 ms of
 * planning a page (four relations, eight indexes on Deployment) against ~0.1 ms.
 */
export async function listDeployments(principal: Principal, filters: TListDeployments): Promise<DeploymentPage> {
  const visible = environmentIdsWith(principal, "view_deployments");
  if (visible.length === 0) return { data: [], nextCursor: null };
  // Kept per deployments generation (any deployment write bumps it when it commits) and
  // config generation (the names), for the caller's visible environments and the filters:
  // the overview's recent deploys and a refreshed history page read nothing while no
  // deployment changed. Callers get shared objects and must not change them.
  const g = await dataGenerations();
  const key = `${g.config}|${[...visible].sort().join(",")}|${JSON.stringify(filters, Object.keys(filters).sort())}`;
  return pages.getOrReadAt(g.deployments, key, () => readPage(visible, filters, g.config));
}

/** `listDeployments` without its cache: the statement every miss runs (`npm run bench`'s DAL measurement). */
export async function listDeploymentsUncached(principal: Principal, filters: TListDeployments): Promise<DeploymentPage> {
  const visible = environmentIdsWith(principal, "view_deployments");
  return visible.length ? readPage(visible, filters, (await dataGenerations()).config) : { data: [], nextCursor: null };
}

type DeploymentPage = { data: DeploymentDto[]; nextCursor: string | null };
const pages = new BoundedCache<Promise<DeploymentPage>>(256);

async function readPage(visible: string[], filters: TListDeployments, configGeneration: bigint): Promise<DeploymentPage> {
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  // Resolve slugs to ids first (from the cached environments and services) so the filters
  // hit the (environmentId, …) and (serviceId, …) indexes.
  const [env, service] = await Promise.all([
    filters.environment ? allEnvironments(configGeneration).then((all) => all.find((e) => e.slug === filters.environment && visible.includes(e.id)) ?? null) : null,
    filters.service ? serviceBySlug(filters.service, configGeneration) : null,
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
           d."serviceId", d."environmentId"
    from "Deployment" d
    where ${Prisma.join(where, " and ")}
    order by d."startedAt" desc, d.id desc
    limit ${filters.limit + 1}`;

  const more = rows.length > filters.limit;
  const page = more ? rows.slice(0, filters.limit) : rows;
  const [environments, services, replacedBy] = await Promise.all([allEnvironments(configGeneration), servicesById(page.map((r) => r.serviceId), configGeneration), replacements(page)]);
  const envById = new Map(environments.map((e) => [e.id, e]));
  const data: DeploymentDto[] = [];
  for (const r of page) {
    const service = services.get(r.serviceId);
    const environment = envById.get(r.environmentId);
    // Deleted between the two reads (deletes cascade to deployments): as a join would, leave it out.
    if (service && environment) data.push(toDto(r, service, environment, replacedBy.get(r.id)));
  }
  const last = page.at(-1);
  return { data, nextCursor: more && last ? encodeCursor(last) : null };
}

/** For the page's rolled-back deployments, the first deployment that rolled each back. */
async function replacements(page: Row[]): Promise<Map<string, { id: string; version: string }>> {
  const rolledBack = page.filter((r) => r.status === "rolled_back").map((r) => r.id);
  if (!rolledBack.length) return new Map();
  const rows = await db().$queryRaw<{ id: string; version: string; rollbackOfId: string }[]>`
    select distinct on (r."rollbackOfId") r.id, r.version, r."rollbackOfId"
    from "Deployment" r
    where r."rollbackOfId" = any(${rolledBack})
    order by r."rollbackOfId", r."startedAt" asc, r.id asc`;
  return new Map(rows.map((r) => [r.rollbackOfId, { id: r.id, version: r.version }]));
}

function toDto(r: Row, service: { slug: string; name: string }, environment: { slug: string; name: string }, replacedBy: { id: string; version: string } | undefined): DeploymentDto {
  const { serviceId: _service, environmentId: _environment, ...rest } = r;
  return {
    ...rest,
    service: { slug: service.slug, name: service.name },
    environment: { slug: environment.slug, name: environment.name },
    rolledBackBy: replacedBy ? [replacedBy] : [],
  };
}
