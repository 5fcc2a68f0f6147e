import "server-only";
import { allows, type Principal } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { configGeneration } from "@/lib/data/config/config-generation";
import type { DiffCounts } from "@/lib/domain/config-diff";
import type { ParityScore } from "@/lib/domain/parity";
import type { TCompareQuery } from "@/lib/validations/config";
import { compareSecrets } from "./compare-secrets";
import { compareCore, deployedVersions, forCaller, type CompareRow } from "./compare-core";

export type { CompareRow } from "./compare-core";

export interface ServiceComparison {
  slug: string;
  name: string;
  team: string;
  deployed: { from: string | null; to: string | null };
  counts: DiffCounts;
  parity: ParityScore;
  rows: readonly CompareRow[];
}

/**
 * The diff of two environments the caller may see config of (404 otherwise), per
 * service: keys added / removed / changed / identical, intended differences with who
 * and why, deployed versions, parity scores, and secret metadata differences (when the
 * caller may see secrets in both). Every service and every row (the API); the page
 * reads one page of it through comparePage.
 */
export async function compareEnvironments(principal: Principal, query: TCompareQuery) {
  // The generation is read alongside the environments (one round trip less); the diff's
  // own data is read after it (compareCore).
  const generation = configGeneration();
  generation.catch(() => {}); // awaited below unless the environments 404 first
  const [from, to] = await Promise.all([getEnvironment(principal, query.from, "view_config"), getEnvironment(principal, query.to, "view_config")]);
  const secretsFrom = allows(principal, from.id, "view_secrets");
  const secretsTo = allows(principal, to.id, "view_secrets");
  // The diff is cached per config generation (compareCore); deployed versions and secret
  // metadata are read fresh; secret references are hidden per caller.
  const core = await compareCore(from, to, query.service, generation);
  if (query.service && !core.services.length) throw notFound(`Service "${query.service}" not found`);
  const [deployed, secrets] = await Promise.all([
    deployedVersions(
      core.services.map((s) => s.id),
      [from.id, to.id],
    ),
    secretsFrom && secretsTo ? compareSecrets(from, to).then((r) => r.differences) : null,
  ]);
  const services: ServiceComparison[] = core.services.map((s) => ({
    slug: s.slug,
    name: s.name,
    team: s.team,
    deployed: { from: deployed.get(`${s.id}|${from.id}`) ?? null, to: deployed.get(`${s.id}|${to.id}`) ?? null },
    counts: s.counts,
    parity: s.parity,
    rows: secretsFrom && secretsTo ? s.rows : s.rows.map((r) => forCaller(r, secretsFrom, secretsTo)),
  }));

  return {
    from: { slug: from.slug, name: from.name, canManage: allows(principal, from.id, "manage") },
    to: { slug: to.slug, name: to.name, canManage: allows(principal, to.id, "manage") },
    precedence: core.precedence,
    overall: core.overall,
    services,
    secrets,
  };
}

export type Comparison = Awaited<ReturnType<typeof compareEnvironments>>;
