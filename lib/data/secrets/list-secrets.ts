import "server-only";
import { db } from "@/lib/db";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { environmentIdsWith, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { isStorableDate } from "@/lib/domain/storable";
import { rotationOf, rotationStatusBounds } from "@/lib/domain/rotation";
import type { Prisma } from "@/generated/prisma/client";
import type { TSecretListQuery } from "@/lib/validations/secrets";
import { decodeCursor, encodeCursor } from "./secret-cursor";

export const SECRET_LIST_SELECT = {
  id: true,
  name: true,
  type: true,
  tool: true,
  storage: true,
  rotationPolicy: true,
  rotationDays: true,
  lastRotatedAt: true,
  nextRotationAt: true,
  owner: true,
  deletedAt: true,
  environment: { select: { slug: true, name: true } },
} as const satisfies Prisma.SecretSelect;

/** Environment ids whose secret metadata the principal may read, narrowed to one slug if asked (invisible slug → 404). */
export async function secretEnvironmentIds(principal: Principal, slug?: string): Promise<string[]> {
  if (!slug) return environmentIdsWith(principal, "view_secrets");
  return [(await getEnvironment(principal, slug, "view_secrets")).id];
}

function keysetWhere(query: TSecretListQuery): Prisma.SecretWhereInput {
  if (!query.cursor) return {};
  const c = decodeCursor(query.cursor);
  const desc = query.sort.startsWith("-");
  const op = desc ? "lt" : "gt";
  if (query.sort.endsWith("name")) {
    const name = c.k ?? "";
    return { OR: [{ name: { [op]: name } }, { name, id: { [op]: c.id } }] };
  }
  // nextRotationAt: ascending puts never-rotated (null) first, descending puts them last.
  if (c.k === null) {
    return desc ? { nextRotationAt: null, id: { lt: c.id } } : { OR: [{ nextRotationAt: null, id: { gt: c.id } }, { nextRotationAt: { not: null } }] };
  }
  const at = new Date(c.k);
  if (!isStorableDate(at)) throw new AppError("UNPROCESSABLE", "The request has invalid fields.", { cursor: ["Not a cursor from this list"] });
  const after = { OR: [{ nextRotationAt: { [op]: at } }, { nextRotationAt: at, id: { [op]: c.id } }] };
  return desc ? { OR: [after, { nextRotationAt: null }] } : after;
}

function orderBy(sort: TSecretListQuery["sort"]): Prisma.SecretOrderByWithRelationInput[] {
  const dir = sort.startsWith("-") ? "desc" : "asc";
  if (sort.endsWith("name")) return [{ name: dir }, { id: dir }];
  return [{ nextRotationAt: { sort: dir, nulls: dir === "asc" ? "first" : "last" } }, { id: dir }];
}

export function rotationWhere(status: TSecretListQuery["rotation"], now: Date): Prisma.SecretWhereInput {
  if (!status) return {};
  const b = rotationStatusBounds(status, now);
  if ("never" in b) return { lastRotatedAt: null };
  return { lastRotatedAt: { not: null }, nextRotationAt: { ...(b.gte ? { gte: b.gte } : {}), ...(b.lt ? { lt: b.lt } : {}) } };
}

/**
 * One page of the registry: only environments where the principal has `view_secrets`,
 * keyset-paginated on (sort key, id). Never a value: the table has none.
 */
export async function listSecrets(principal: Principal, query: TSecretListQuery, now: Date = new Date()) {
  const environmentIds = await secretEnvironmentIds(principal, query.environment);
  const where: Prisma.SecretWhereInput = {
    AND: [
      { environmentId: { in: environmentIds } },
      query.deleted === "hide" ? { deletedAt: null } : {},
      query.type ? { type: query.type } : {},
      query.tool ? { tool: query.tool } : {},
      query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { owner: { contains: query.q, mode: "insensitive" } }, { description: { contains: query.q, mode: "insensitive" } }] } : {},
      rotationWhere(query.rotation, now),
      keysetWhere(query),
    ],
  };
  const rows = await db().secret.findMany({ where, select: SECRET_LIST_SELECT, orderBy: orderBy(query.sort), take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ k: query.sort.endsWith("name") ? last.name : (last.nextRotationAt?.toISOString() ?? null), id: last.id }) : null;
  return { data: page.map((s) => ({ ...s, rotation: rotationOf(s, now) })), nextCursor };
}

export type SecretListItem = Awaited<ReturnType<typeof listSecrets>>["data"][number];
