import "server-only";
import { db } from "@/lib/db";
import { inEnvironmentsWhere, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { rotationOf } from "@/lib/domain/rotation";

const SECRET_DETAIL_SELECT = {
  id: true,
  name: true,
  type: true,
  tool: true,
  storage: true,
  rotationPolicy: true,
  rotationDays: true,
  lastRotatedAt: true,
  nextRotationAt: true,
  principals: true,
  sourceId: true,
  owner: true,
  tags: true,
  description: true,
  origin: true,
  deletedAt: true,
  syncedAt: true,
  createdAt: true,
  updatedAt: true,
  environmentId: true,
  environment: { select: { slug: true, name: true } },
} as const;

/**
 * One secret's metadata, the services whose secret layer references it (by name, in
 * any environment the caller may read secrets of) and its history from the audit trail.
 * Invisible and missing are the same 404.
 */
export async function getSecret(principal: Principal, id: string, now: Date = new Date()) {
  const secret = await db().secret.findFirst({ where: { id, ...inEnvironmentsWhere(principal, "view_secrets") }, select: SECRET_DETAIL_SELECT });
  if (!secret) throw notFound("Secret not found");
  const [references, history] = await Promise.all([
    db().configEntry.findMany({
      where: { layer: "secret", value: secret.name, deleted: false, ...inEnvironmentsWhere(principal, "view_secrets") },
      select: { key: true, service: { select: { slug: true, name: true } }, environment: { select: { slug: true, name: true } } },
      orderBy: [{ environmentId: "asc" }, { serviceId: "asc" }, { key: "asc" }],
      take: 200,
    }),
    db().auditEvent.findMany({
      where: { targetType: "secret", targetId: secret.id },
      select: { id: true, createdAt: true, actorLabel: true, action: true, before: true, after: true },
      orderBy: { id: "desc" },
      take: 100,
    }),
  ]);
  const tags = secret.tags && typeof secret.tags === "object" && !Array.isArray(secret.tags) ? (secret.tags as Record<string, unknown>) : {};
  return {
    ...secret,
    tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)])),
    rotation: rotationOf(secret, now),
    references,
    history: history.map((h) => ({ ...h, id: h.id.toString() })),
  };
}

export type SecretDetail = Awaited<ReturnType<typeof getSecret>>;
