import "server-only";
import { db } from "@/lib/db";
import { allows, environmentIdsWith, type Principal } from "@/lib/authz";

/**
 * What the request form offers: the promotion steps (source → next environment)
 * the principal may request, and per service the version deployed in each source
 * with whether it is healthy (its latest deploy succeeded).
 */
export async function requestOptions(principal: Principal) {
  const envs = await db().environment.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, position: true } });
  const steps = envs
    .slice(0, -1)
    .map((from, i) => ({ from, to: envs[i + 1] }))
    .filter(({ from, to }) => allows(principal, from.id, "view_deployments") && allows(principal, to.id, "see") && allows(principal, to.id, "request_promotion"));
  const sourceIds = steps.map((s) => s.from.id).filter((id) => environmentIdsWith(principal, "view_deployments").includes(id));
  const [services, latest] = await Promise.all([
    db().service.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true } }),
    sourceIds.length
      ? db().deployment.findMany({
          where: { environmentId: { in: sourceIds } },
          distinct: ["serviceId", "environmentId"],
          orderBy: [{ serviceId: "asc" }, { environmentId: "asc" }, { startedAt: "desc" }, { id: "desc" }],
          select: { serviceId: true, environmentId: true, version: true, status: true },
        })
      : Promise.resolve([]),
  ]);
  return {
    steps: steps.map(({ from, to }) => ({ value: `${from.slug}:${to.slug}`, from: from.slug, to: to.slug, label: `${from.name} → ${to.name}` })),
    services: services.map((s) => ({
      slug: s.slug,
      name: s.name,
      versions: Object.fromEntries(
        latest.filter((d) => d.serviceId === s.id).map((d) => [envs.find((e) => e.id === d.environmentId)!.slug, { version: d.version, healthy: d.status === "succeeded" }]),
      ),
    })),
  };
}
