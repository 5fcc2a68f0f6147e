import "server-only";
import { db } from "@/lib/db";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { serviceBySlug, showValue } from "./config-view";

const PAGE = 20;

/** Cursor: `<createdAt ISO>|<version id>` of the last row of the previous page. */
function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = cursor.split("|");
  const date = new Date(at);
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

/**
 * Every change in one layer of one service in one environment, newest first (needs
 * view_config, and view_secrets for the secret layer). Keyset-paginated by (createdAt, id).
 */
export async function listLayerHistory(principal: Principal, input: { env: string; service: string; layer: ConfigLayer; cursor?: string }) {
  const env = await getEnvironment(principal, input.env, "view_config");
  if (input.layer === "secret" && !allows(principal, env.id, "view_secrets")) throw notFound();
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  const g = await dataGenerations();
  const rows = await pages.getOrRead(`${g.config}|${g.access}|${env.id}|${service.id}|${input.layer}|${input.cursor ?? ""}`, () => {
    pages.deleteWhere((k) => k.slice(0, k.indexOf("|", k.indexOf("|") + 1)) !== `${g.config}|${g.access}`);
    return readPage(env.id, service.id, input.layer, parseCursor(input.cursor));
  });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    changes: page.map((v) => ({ key: v.entry.key, version: v.version, deleted: v.deleted, comment: v.comment, createdAt: v.createdAt, author: v.author?.name ?? "system", ...showValue(input.layer, v.value, true) })),
    nextCursor: rows.length > PAGE && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}

// Pages of changes, whoever asks (access is checked above): kept per config generation
// (versions are written with their entry, which bumps it) and access generation (authors'
// names), so a page view reads none while nothing changed.
const pages = new BoundedCache<Promise<VersionRow[]>>(256);

function readPage(environmentId: string, serviceId: string, layer: ConfigLayer, c: { at: Date; id: string } | null) {
  return db().configVersion.findMany({
    where: {
      entry: { serviceId, environmentId, layer },
      ...(c ? { OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] } : {}),
    },
    select: { id: true, version: true, value: true, deleted: true, comment: true, createdAt: true, entry: { select: { key: true } }, author: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
  });
}
type VersionRow = Awaited<ReturnType<typeof readPage>>[number];
