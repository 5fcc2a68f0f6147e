import "server-only";
import { allows, type Principal } from "@/lib/authz";
import type { DiffCounts } from "@/lib/domain/config-diff";
import type { ParityScore } from "@/lib/domain/parity";
import type { TCompareQuery } from "@/lib/validations/config";
import { compareSecrets } from "./compare-secrets";
import { deployedVersions, forCaller, openComparison, type CompareRow } from "./compare-core";

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
  // The diff is cached per config generation (compareCore); deployed versions and secret
  // metadata are read fresh; secret references are hidden per caller.
  const { from, to, secretsFrom, secretsTo, core } = await openComparison(principal, query);
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
