import "server-only";
import { db } from "@/lib/db";
import { environmentWhere, type Principal } from "@/lib/authz";

/** Choices for the history filters: visible environments, services, people who can trigger. */
export async function listFilterOptions(principal: Principal) {
  const [environments, services, users] = await Promise.all([
    db().environment.findMany({ where: environmentWhere(principal, "view_deployments"), orderBy: { position: "asc" }, select: { id: true, slug: true, name: true } }),
    db().service.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true } }),
    db().user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500, select: { email: true, name: true } }),
  ]);
  return { environments, services, people: users };
}
