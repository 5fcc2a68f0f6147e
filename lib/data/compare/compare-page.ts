import "server-only";
import type { Principal } from "@/lib/authz";
import type { ConfigLayer } from "@/generated/prisma/enums";
import type { TCompareQuery } from "@/lib/validations/config";
import { compareSecrets } from "./compare-secrets";
import { deployedVersions, openComparison, serviceForCaller, type CompareRow } from "./compare-core";
import type { ServiceComparison } from "./compare-environments";

/** Services per page in the all-services view. */
export const DETAIL_PAGE = 20;
/** Differing rows shown per service in the all-services view (the service's own view shows all). */
export const DETAIL_ROWS = 50;
/** Secret metadata differences per page. */
export const SECRETS_PAGE = 50;

export interface ComparePageQuery extends TCompareQuery {
  /** Only differing rows (always so with all services). */
  only?: boolean;
  /** Only rows where either side comes from this layer. */
  layer?: ConfigLayer;
  /** All services: the page after this service (slug). */
  after?: string;
  /** Secret metadata differences after this path. */
  secretsAfter?: string;
}

export type PageService = ServiceComparison & { /** Matching rows left out (all-services view). */ moreRows: number };

/**
 * What /compare shows: the overall score, and one page of it: one service with every row
 * (or only differing ones), or DETAIL_PAGE services with their differing rows (at most
 * DETAIL_ROWS each); deployed versions of those services only; a page of secret metadata
 * differences when the caller may see secrets in both. 404 when either environment's
 * config is invisible to the caller, or the service does not exist. The diff comes from
 * the per-generation cache; visibility is applied here, per request, to the rows shown.
 */
export async function comparePage(principal: Principal, q: ComparePageQuery) {
  const opened = await openComparison(principal, q);
  const { from, to, secretsFrom, secretsTo, core } = opened;
  const all = core.services;
  const startAt = q.service || !q.after ? 0 : (core.index.get(q.after) ?? -1) + 1;
  const shown = q.service ? all : all.slice(startAt, startAt + DETAIL_PAGE);
  const [deployed, secrets] = await Promise.all([
    deployedVersions(
      shown.map((s) => s.id),
      [from.id, to.id],
    ),
    secretsFrom && secretsTo ? compareSecrets(from, to, { after: q.secretsAfter, limit: SECRETS_PAGE }) : null,
  ]);
  const inLayer = (r: CompareRow) => r.from?.layer === q.layer || r.to?.layer === q.layer;
  const services: PageService[] = shown.map((s) => {
    const source = q.service && !q.only ? s.rows : s.differing;
    const matching = q.layer ? source.filter(inLayer) : source;
    const rows = q.service ? matching : matching.slice(0, DETAIL_ROWS);
    return { ...serviceForCaller(s, rows, deployed, opened), moreRows: matching.length - rows.length };
  });
  const last = secrets?.differences.at(-1);
  return {
    ...opened.head,
    /** How many services there are in all; `startAt` is the index of the first one shown. */
    serviceCount: all.length,
    startAt,
    services,
    /** The cursor of the previous page (null: the first page), or undefined when on the first page. */
    prevAfter: q.service || startAt === 0 ? undefined : startAt <= DETAIL_PAGE ? null : all[startAt - DETAIL_PAGE - 1].slug,
    nextAfter: !q.service && startAt + DETAIL_PAGE < all.length ? shown[shown.length - 1].slug : null,
    secrets: secrets && {
      differences: secrets.differences,
      total: secrets.total,
      startAt: secrets.before,
      nextAfter: last && secrets.before + secrets.differences.length < secrets.total ? last.path : null,
    },
  };
}

export type ComparePage = Awaited<ReturnType<typeof comparePage>>;
