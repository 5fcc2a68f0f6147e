import "server-only";
import { db } from "@/lib/db";
import { allows, type Principal } from "@/lib/authz";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { resolveEffective } from "@/lib/domain/precedence";
import { getPrecedence } from "./get-precedence";
import { secretMetaFor, toKeyViews } from "./config-view";

export const ENV_CONFIG_PAGE = 10;

/**
 * One page of services (by slug, keyset: `after` is the last slug of the previous page)
 * with their effective config in one environment, and how many services there are.
 * Only the page's services' config rows are read. Needs view_config (404 otherwise).
 */
export async function listEnvironmentConfig(principal: Principal, envSlug: string, page: { after?: string; limit?: number } = {}) {
  const env = await getEnvironment(principal, envSlug, "view_config");
  const secretsVisible = allows(principal, env.id, "view_secrets");
  const limit = page.limit ?? ENV_CONFIG_PAGE;
  const [precedence, total, services] = await Promise.all([
    getPrecedence(),
    db().service.count(),
    db().service.findMany({
      where: page.after ? { slug: { gt: page.after } } : undefined,
      select: { id: true, slug: true, name: true, team: true },
      orderBy: { slug: "asc" },
      take: limit + 1,
    }),
  ]);
  const shown = services.slice(0, limit);
  const rows = await db().configEntry.findMany({
    where: { environmentId: env.id, serviceId: { in: shown.map((s) => s.id) }, deleted: false },
    select: { serviceId: true, layer: true, key: true, value: true },
  });
  const meta = secretsVisible ? await secretMetaFor(principal, rows.filter((r) => r.layer === "secret").map((r) => r.value)) : new Map();
  const byService = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byService.get(r.serviceId);
    if (list) list.push(r);
    else byService.set(r.serviceId, [r]);
  }
  return {
    precedence,
    secretsVisible,
    total,
    nextAfter: services.length > limit ? shown[shown.length - 1].slug : null,
    services: shown.map((s) => ({ ...s, keys: toKeyViews(resolveEffective(byService.get(s.id) ?? [], precedence), secretsVisible, meta) })),
  };
}
