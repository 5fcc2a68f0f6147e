import { describe, expect, it } from "vitest";
import type { DeploymentStatus } from "@/generated/prisma/enums";
import { doraMetrics, doraTrend, median, type DeployFact } from "./dora";

const T0 = Date.parse("2026-11-01T00:00:00Z");
const H = 3_600_000;
let n = 0;
function dep(hour: number, status: DeploymentStatus, o: Partial<DeployFact> & { durH?: number } = {}): DeployFact {
  const { durH = 1, ...rest } = o;
  return { id: `d${String(n++).padStart(3, "0")}`, serviceId: "svc", environmentId: "prod", version: `v${n}`, status, startedAt: new Date(T0 + hour * H), finishedAt: status === "queued" || status === "in_progress" ? null : new Date(T0 + (hour + durH) * H), ...rest };
}
const PERIOD = { from: new Date(T0), to: new Date(T0 + 10 * 24 * H) };

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[9, 1, 5], 5],
  ])("median(%j) = %s", (v, m) => expect(median(v as number[])).toBe(m));
});

describe("doraMetrics", () => {
  it("is empty and null-rated for no deployments", () => {
    expect(doraMetrics([], PERIOD)).toMatchObject({ deployments: 0, deploysPerDay: 0, changeFailureRate: null, leadTimeHours: null, timeToRestoreHours: null, unrestored: 0 });
  });

  const cases: { name: string; history: DeployFact[]; expect: Partial<ReturnType<typeof doraMetrics>> }[] = [
    {
      name: "counts successes per day over the period",
      history: [dep(1, "succeeded"), dep(30, "succeeded"), dep(50, "succeeded"), dep(60, "succeeded"), dep(70, "succeeded")],
      expect: { successful: 5, deploysPerDay: 0.5, changeFailureRate: 0 },
    },
    {
      name: "counts failed and rolled back as failures, and rolled back as having reached users",
      history: [dep(1, "succeeded"), dep(2, "failed"), dep(5, "rolled_back"), dep(9, "succeeded")],
      expect: { successful: 3, failed: 1, rolledBack: 1, finished: 4, changeFailureRate: 0.5 },
    },
    {
      name: "ignores queued and in-progress in the failure rate",
      history: [dep(1, "succeeded"), dep(2, "queued"), dep(3, "in_progress")],
      expect: { deployments: 3, finished: 1, changeFailureRate: 0 },
    },
    {
      name: "ignores deployments outside the period",
      history: [dep(-5, "failed"), dep(1, "succeeded"), dep(24 * 11, "failed")],
      expect: { deployments: 1, failed: 0 },
    },
    {
      name: "restores from the failure's finish to the next success in the same lane",
      // failed at 10, finishes 11; next success starts 13, finishes 14 → 3 h
      history: [dep(10, "failed"), dep(13, "succeeded")],
      expect: { restored: 1, timeToRestoreHours: 3, unrestored: 0 },
    },
    {
      name: "does not restore from another service or environment",
      history: [dep(10, "failed"), dep(13, "succeeded", { serviceId: "other" }), dep(14, "succeeded", { environmentId: "staging" })],
      expect: { restored: 0, unrestored: 1, timeToRestoreHours: null },
    },
    {
      name: "a rollback deployment restores the rolled-back one (median of two)",
      // rolled back finishes at 3; rollback finishes at 4 → 1 h. failed finishes 21, next success finishes 26 → 5 h. median 3.
      history: [dep(2, "rolled_back"), dep(3, "succeeded"), dep(20, "failed"), dep(25, "succeeded")],
      expect: { restored: 2, timeToRestoreHours: 3 },
    },
    {
      name: "restore may come after the period ends",
      history: [dep(24 * 9 + 20, "failed"), dep(24 * 10 + 5, "succeeded")],
      expect: { deployments: 1, restored: 1, timeToRestoreHours: 9 },
    },
    {
      name: "lead time runs from the version's first deployment anywhere",
      // v-a first in development at 0, production finishes at 25 → 25 h
      history: [dep(0, "succeeded", { environmentId: "dev", version: "v-a" }), dep(24, "succeeded", { version: "v-a" })],
      expect: { leadTimeSamples: 2, leadTimeHours: 13 },
    },
  ];
  it.each(cases)("$name", ({ history, expect: e }) => {
    expect(doraMetrics(history, PERIOD)).toMatchObject(e);
  });

  it("filters to one environment while still using the others for lead time", () => {
    const history = [dep(0, "succeeded", { environmentId: "dev", version: "v-a" }), dep(24, "succeeded", { version: "v-a" })];
    expect(doraMetrics(history, PERIOD, (d) => d.environmentId === "prod")).toMatchObject({ successful: 1, leadTimeHours: 25 });
  });
});

describe("doraTrend", () => {
  it("buckets the period, oldest first, the last bucket clipped", () => {
    const history = [dep(1, "succeeded"), dep(2, "failed"), dep(24 * 4, "succeeded"), dep(24 * 9, "succeeded")];
    const trend = doraTrend(history, PERIOD, 4);
    expect(trend.map((p) => [p.start.toISOString().slice(0, 10), p.deployments, p.failures])).toEqual([
      ["2026-11-01", 1, 1],
      ["2026-11-05", 1, 0],
      ["2026-11-09", 1, 0],
    ]);
    expect(trend[0].changeFailureRate).toBe(0.5);
  });
});
