import "server-only";
import { db } from "@/lib/db";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { serviceBySlug, showValue } from "./config-view";

const PAGE = 50;

/**
 * The versions of one key in one layer, newest first (needs view_config, and
 * view_secrets for the secret layer). Keyset-paginated by version.
 */
export async function listKeyHistory(principal: Principal, input: { env: string; service: string; layer: ConfigLayer; key: string; cursor?: number }) {
  const env = await getEnvironment(principal, input.env, "view_config");
  if (input.layer === "secret" && !allows(principal, env.id, "view_secrets")) throw notFound();
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  const entry = await db().configEntry.findUnique({
    where: { serviceId_environmentId_layer_key: { serviceId: service.id, environmentId: env.id, layer: input.layer, key: input.key } },
    select: { id: true, version: true, deleted: true },
  });
  if (!entry) throw notFound(`${input.key} has no history in this layer`);
  const rows = await db().configVersion.findMany({
    where: { entryId: entry.id, ...(input.cursor ? { version: { lt: input.cursor } } : {}) },
    select: { version: true, value: true, deleted: true, comment: true, createdAt: true, author: { select: { name: true, email: true } } },
    orderBy: { version: "desc" },
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  return {
    current: { version: entry.version, deleted: entry.deleted },
    versions: page.map((v) => ({ version: v.version, deleted: v.deleted, comment: v.comment, createdAt: v.createdAt, author: v.author?.name ?? "system", ...showValue(input.layer, v.value, true) })),
    nextCursor: rows.length > PAGE ? page[page.length - 1].version : null,
  };
}
