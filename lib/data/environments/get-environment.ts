import "server-only";
import { db } from "@/lib/db";
import { environmentWhere, levelOf, type Capability, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { ENVIRONMENT_ASPECTS } from "./list-environments";

/** One environment by slug; invisible and missing are the same 404. */
export async function getEnvironment(principal: Principal, slug: string, capability: Capability = "see") {
  const env = await db().environment.findFirst({
    where: { slug, ...environmentWhere(principal, capability) },
    select: { id: true, version: true, secretPrefix: true, updatedAt: true, ...ENVIRONMENT_ASPECTS },
  });
  if (!env) throw notFound(`Environment "${slug}" not found`);
  return { ...env, availabilitySla: Number(env.availabilitySla), level: levelOf(principal, env.id) };
}
