import "server-only";
import { db } from "@/lib/db";
import { BoundedCache } from "@/lib/bounded-cache";
import { dataGenerations } from "@/lib/data/generations";
import { environmentIdsWith, environmentWhere, type Principal } from "@/lib/authz";

type FilterOptions = {
  environments: { id: string; slug: string; name: string }[];
  services: { id: string; slug: string; name: string }[];
  people: { email: string; name: string }[];
};

const options = new BoundedCache<Promise<FilterOptions>>(64);

/**
 * Choices for the history filters: visible environments, services, people who can trigger.
 * Kept per config generation (environments, services) and access generation (people, and
 * the levels that decide which environments are visible), for the caller's environments.
 * Callers get shared objects and must not change them.
 */
export async function listFilterOptions(principal: Principal): Promise<FilterOptions> {
  const g = await dataGenerations();
  const visible = [...environmentIdsWith(principal, "view_deployments")].sort().join(",");
  return options.getOrReadAt(g.config, `${g.access}|${visible}`, () => readOptions(principal));
}

async function readOptions(principal: Principal): Promise<FilterOptions> {
  const [environments, services, people] = await Promise.all([
    db().environment.findMany({ where: environmentWhere(principal, "view_deployments"), orderBy: { position: "asc" }, select: { id: true, slug: true, name: true } }),
    db().service.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true } }),
    db().user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500, select: { email: true, name: true } }),
  ]);
  return { environments, services, people };
}
