import "server-only";
import { allows, levelOf, type Capability, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { allEnvironments } from "./list-environments";

/** One environment by slug; invisible and missing are the same 404. */
export async function getEnvironment(principal: Principal, slug: string, capability: Capability = "see") {
  const env = (await allEnvironments()).find((e) => e.slug === slug);
  if (!env || !allows(principal, env.id, capability)) throw notFound(`Environment "${slug}" not found`);
  return { ...env, level: levelOf(principal, env.id) };
}
