import "server-only";
import { db } from "@/lib/db";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import type { Prisma } from "@/generated/prisma/client";
import type { TListDeployments } from "@/lib/validations/deployments";
import { decodeCursor, encodeCursor } from "./cursor";
import { DEPLOYMENT_SELECT, type DeploymentDto } from "./select";

/**
 * Deploy history, newest first, keyset-paginated on (startedAt, id) so page 10,000 costs
 * what page 1 does: the `startedAt <= cursor` bound lets Postgres start the index scan at
 * the cursor. Only environments where the principal may `view_deployments`; an unknown or
 * invisible environment/service filter simply matches nothing.
 */
export async function listDeployments(principal: Principal, filters: TListDeployments): Promise<{ data: DeploymentDto[]; nextCursor: string | null }> {
  const visible = environmentIdsWith(principal, "view_deployments");
  // Resolve slugs to ids first so the filters hit the (environmentId, …) and (serviceId, …) indexes.
  const [env, service] = await Promise.all([
    filters.environment ? db().environment.findFirst({ where: { slug: filters.environment, id: { in: visible } }, select: { id: true } }) : null,
    filters.service ? db().service.findUnique({ where: { slug: filters.service }, select: { id: true } }) : null,
  ]);
  if ((filters.environment && !env) || (filters.service && !service)) return { data: [], nextCursor: null };
  const where: Prisma.DeploymentWhereInput[] = [{ environmentId: env ? env.id : { in: visible } }];
  if (service) where.push({ serviceId: service.id });
  if (filters.status) where.push({ status: filters.status });
  if (filters.person) where.push({ triggeredBy: filters.person });
  if (filters.from) where.push({ startedAt: { gte: filters.from } });
  if (filters.to) where.push({ startedAt: { lt: filters.to } });
  if (filters.cursor) {
    const c = decodeCursor(filters.cursor);
    where.push({ startedAt: { lte: c.startedAt } }, { OR: [{ startedAt: { lt: c.startedAt } }, { id: { lt: c.id } }] });
  }
  const rows = await db().deployment.findMany({
    where: { AND: where },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    select: DEPLOYMENT_SELECT,
  });
  const more = rows.length > filters.limit;
  const data = more ? rows.slice(0, filters.limit) : rows;
  const last = data.at(-1);
  return { data, nextCursor: more && last ? encodeCursor(last) : null };
}
