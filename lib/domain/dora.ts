// The four DORA metrics over a set of deployments. Pure: no I/O.
//
// - Deployment frequency: deployments that reached users (succeeded, or succeeded and later
//   rolled back) per day of the period.
// - Lead time for changes (proxy): CI does not report commit times, so a version's first
//   deployment anywhere (usually development) stands in for its commit; lead time is from
//   there to this successful finish. Median over the period.
// - Change failure rate: (failed + rolled back) / finished deployments.
// - Time to restore: from a failure (its finish, else its start) to the next successful
//   deployment of the same service in the same environment. Median; failures not yet
//   restored are counted separately.
import type { DeploymentStatus } from "@/generated/prisma/enums";

export interface DeployFact {
  id: string;
  serviceId: string;
  environmentId: string;
  version: string;
  status: DeploymentStatus;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface Period {
  from: Date;
  to: Date;
}

export interface DoraMetrics {
  deployments: number;
  finished: number;
  successful: number;
  failed: number;
  rolledBack: number;
  deploysPerDay: number;
  changeFailureRate: number | null;
  leadTimeHours: number | null;
  leadTimeSamples: number;
  timeToRestoreHours: number | null;
  restored: number;
  unrestored: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const inPeriod = (d: DeployFact, p: Period) => d.startedAt >= p.from && d.startedAt < p.to;
const isFailure = (s: DeploymentStatus) => s === "failed" || s === "rolled_back";
const reachedUsers = (s: DeploymentStatus) => s === "succeeded" || s === "rolled_back";
const key = (d: Pick<DeployFact, "serviceId" | "environmentId">) => `${d.serviceId}\u0000${d.environmentId}`;

/**
 * `history` may hold deployments outside the period: earlier ones supply a version's first
 * appearance, later ones the success that restored a failure late in the period.
 */
export interface HistoryIndex {
  /** A version's first appearance in any environment, by service + version. */
  firstSeen: Map<string, number>;
  /** Each (service, environment) lane's deployments, oldest first. */
  byLane: Map<string, DeployFact[]>;
}

/** Built once per history: metrics over many slices of the same history share it. */
export function indexHistory(history: readonly DeployFact[]): HistoryIndex {
  const firstSeen = new Map<string, number>();
  for (const d of history) {
    const k = `${d.serviceId}\u0000${d.version}`;
    const t = d.startedAt.getTime();
    const seen = firstSeen.get(k);
    if (seen === undefined || t < seen) firstSeen.set(k, t);
  }
  const byLane = new Map<string, DeployFact[]>();
  for (const d of history) {
    const lane = byLane.get(key(d));
    if (lane) lane.push(d);
    else byLane.set(key(d), [d]);
  }
  for (const lane of byLane.values()) lane.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id));
  return { firstSeen, byLane };
}

/**
 * The metrics of the deployments in `history` within `period` that pass `filter`.
 * `index` describes the whole history (so `history` may be a slice of it, e.g. one
 * environment's deployments) and defaults to an index of `history` itself.
 */
export function doraMetrics(history: readonly DeployFact[], period: Period, filter: (d: DeployFact) => boolean = () => true, index: HistoryIndex = indexHistory(history)): DoraMetrics {
  const { firstSeen, byLane } = index;
  const selected = history.filter((d) => inPeriod(d, period) && filter(d));
  let successful = 0, failed = 0, rolledBack = 0;
  const leadTimes: number[] = [];
  const restores: number[] = [];
  let unrestored = 0;
  for (const d of selected) {
    if (d.status === "failed") failed++;
    if (d.status === "rolled_back") rolledBack++;
    if (reachedUsers(d.status)) {
      successful++;
      const end = (d.finishedAt ?? d.startedAt).getTime();
      const first = firstSeen.get(`${d.serviceId}\u0000${d.version}`) ?? d.startedAt.getTime();
      leadTimes.push(Math.max(0, end - first));
    }
    if (isFailure(d.status)) {
      const failedAt = (d.finishedAt ?? d.startedAt).getTime();
      const lane = byLane.get(key(d))!;
      const next = lane.find((n) => n.id !== d.id && n.status === "succeeded" && n.startedAt.getTime() >= d.startedAt.getTime() && (n.finishedAt ?? n.startedAt).getTime() >= failedAt);
      if (next) restores.push((next.finishedAt ?? next.startedAt).getTime() - failedAt);
      else unrestored++;
    }
  }
  const finished = successful + failed; // successful already includes the rolled back
  const days = Math.max(1, (period.to.getTime() - period.from.getTime()) / DAY);
  const lead = median(leadTimes);
  const restore = median(restores);
  return {
    deployments: selected.length,
    finished,
    successful,
    failed,
    rolledBack,
    deploysPerDay: successful / days,
    changeFailureRate: finished ? (failed + rolledBack) / finished : null,
    leadTimeHours: lead === null ? null : lead / HOUR,
    leadTimeSamples: leadTimes.length,
    timeToRestoreHours: restore === null ? null : restore / HOUR,
    restored: restores.length,
    unrestored,
  };
}

export interface TrendPoint {
  start: Date;
  deployments: number;
  failures: number;
  changeFailureRate: number | null;
  timeToRestoreHours: number | null;
}

/** The metrics per bucket of `bucketDays` days, oldest first, for charts. */
export function doraTrend(history: readonly DeployFact[], period: Period, bucketDays: number, filter?: (d: DeployFact) => boolean, index: HistoryIndex = indexHistory(history)): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (let t = period.from.getTime(); t < period.to.getTime(); t += bucketDays * DAY) {
    const bucket = { from: new Date(t), to: new Date(Math.min(t + bucketDays * DAY, period.to.getTime())) };
    const m = doraMetrics(history, bucket, filter, index);
    out.push({ start: bucket.from, deployments: m.successful, failures: m.failed + m.rolledBack, changeFailureRate: m.changeFailureRate, timeToRestoreHours: m.timeToRestoreHours });
  }
  return out;
}
