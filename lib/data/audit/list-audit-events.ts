import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { sealAuditChain } from "./seal-audit-chain";
import { AppError } from "@/lib/errors";
import { hasRole, type Principal } from "@/lib/authz";
import type { TAuditFilter } from "@/lib/validations/audit";

export function assertMayAudit(principal: Principal) {
  if (!hasRole(principal, "platform")) throw new AppError("NOT_FOUND", "Not found");
}

async function whereFor(filter: TAuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) where.actorLabel = { contains: filter.actor, mode: "insensitive" };
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.target) where.OR = [{ targetId: filter.target }, { targetType: filter.target }];
  if (filter.environment) {
    const env = await db().environment.findUnique({ where: { slug: filter.environment }, select: { id: true } });
    where.environmentId = env?.id ?? "__none__";
  }
  if (filter.from || filter.to) where.createdAt = { ...(filter.from ? { gte: new Date(filter.from) } : {}), ...(filter.to ? { lte: new Date(filter.to) } : {}) };
  if (filter.cursor) where.id = { lt: BigInt(filter.cursor) };
  return where;
}

const SELECT = {
  id: true,
  createdAt: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  environmentId: true,
  before: true,
  after: true,
  requestId: true,
  ip: true,
  seq: true,
  hash: true,
} as const;

/** The trail, newest first, keyset-paginated by id (platform only). */
export async function listAuditEvents(principal: Principal, filter: TAuditFilter) {
  assertMayAudit(principal);
  const rows = await db().auditEvent.findMany({ where: await whereFor(filter), select: SELECT, orderBy: { id: "desc" }, take: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  const envs = await db().environment.findMany({ select: { id: true, slug: true } });
  const slug = new Map(envs.map((e) => [e.id, e.slug]));
  return {
    events: page.map((e) => ({ ...e, id: e.id.toString(), seq: e.seq?.toString() ?? null, environment: e.environmentId ? (slug.get(e.environmentId) ?? null) : null })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1].id.toString() : null,
  };
}

export type AuditEventDto = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** Every matching event, in batches, for export. */
export async function* exportAuditEvents(principal: Principal, filter: TAuditFilter): AsyncGenerator<AuditEventDto[]> {
  assertMayAudit(principal);
  // Seal first, so an export carries every committed event's chain position and hash.
  await sealAuditChain(db(), { wait: true });
  let cursor = filter.cursor;
  for (;;) {
    const { events, nextCursor } = await listAuditEvents(principal, { ...filter, cursor, limit: 500 });
    if (events.length) yield events;
    if (!nextCursor) return;
    cursor = nextCursor;
  }
}
