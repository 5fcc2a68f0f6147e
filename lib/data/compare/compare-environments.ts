import "server-only";
import type { Principal } from "@/lib/authz";
import type { TCompareQuery } from "@/lib/validations/config";
import { compareSecrets } from "./compare-secrets";
import { deployedVersions, openComparison, serviceForCaller, type ServiceComparison } from "./compare-core";

export type { CompareRow, ServiceComparison } from "./compare-core";

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
  const opened = await openComparison(principal, query);
  const { from, to, secretsFrom, secretsTo, core } = opened;
  const [deployed, secrets] = await Promise.all([
    deployedVersions(
      core.services.map((s) => s.id),
      [from.id, to.id],
    ),
    secretsFrom && secretsTo ? compareSecrets(from, to).then((r) => r.differences) : null,
  ]);
  const services: ServiceComparison[] = core.services.map((s) => serviceForCaller(s, s.rows, deployed, opened));
  return { ...opened.head, services, secrets };
}

export type Comparison = Awaited<ReturnType<typeof compareEnvironments>>;
