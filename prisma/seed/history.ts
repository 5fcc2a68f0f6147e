// Six months of deploy history and promotions in every state, generated from a
// fixed PRNG seed so every run produces the same rows (ids are stable).
import type { DeploymentStatus, DeploymentStrategy, PromotionState, GateStatus } from "../../generated/prisma/enums";

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Production deploys happen in the default window (Mon–Thu 10:00–14:00 London):
 * move a time back to the latest weekday slot at or before it. London is UTC+0/+1;
 * a 10:00–13:00 UTC slot is inside the window in both.
 */
function intoWindow(t: number, rand: () => number): number {
  const d = new Date(t);
  const dow = d.getUTCDay(); // 0 Sun … 6 Sat
  const back = dow === 0 ? 3 : dow === 5 ? 1 : dow === 6 ? 2 : 0;
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - back * DAY;
  return day + 10 * HOUR + Math.floor(rand() * 3 * HOUR);
}

export interface DeploymentRow {
  id: string;
  externalId: string;
  serviceIndex: number;
  envSlug: "development" | "staging" | "production";
  version: string;
  commitSha: string;
  status: DeploymentStatus;
  strategy: DeploymentStrategy;
  progress: number;
  startedAt: Date;
  finishedAt: Date | null;
  triggeredBy: string;
  changeTicket: string | null;
  rollbackOfId: string | null;
}

const STRATEGY: Record<DeploymentRow["envSlug"], DeploymentStrategy> = { development: "rolling", staging: "blue_green", production: "canary" };
const PER_DAY: Record<DeploymentRow["envSlug"], number> = { development: 6, staging: 3.2, production: 1.6 };
const TRIGGERS = ["ci@github-actions", "dev@example.com", "dev2@example.com", "platform@example.com"];

function hex(rand: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/** ~2,000 deployments over `days` days ending at `end`, per environment and service. */
export function deploymentHistory(serviceCount: number, end: Date, days = 182, prefix = "seed"): DeploymentRow[] {
  const rand = prng(20261125);
  const rows: DeploymentRow[] = [];
  const start = end.getTime() - days * DAY;
  const minor = Array.from({ length: serviceCount }, () => 0);
  for (const envSlug of ["development", "staging", "production"] as const) {
    const count = Math.round(PER_DAY[envSlug] * days * (serviceCount / 12));
    let lastGood: (DeploymentRow | null)[] = Array.from({ length: serviceCount }, () => null);
    for (let i = 0; i < count; i++) {
      const serviceIndex = Math.floor(rand() * serviceCount);
      const raw = start + ((i + rand()) / count) * (days * DAY);
      const t = envSlug === "production" ? intoWindow(raw, rand) : raw;
      // Versions move forward with time; lower environments lead.
      const lead = envSlug === "development" ? 2 : envSlug === "staging" ? 1 : 0;
      minor[serviceIndex] = Math.max(minor[serviceIndex], Math.floor(((t - start) / (days * DAY)) * 40) + lead);
      const version = `v1.${minor[serviceIndex]}.${Math.floor(rand() * 10)}`;
      const roll = rand();
      const isLast = i >= count - serviceCount * 3;
      const status: DeploymentStatus = isLast ? "succeeded" : roll < 0.07 ? "failed" : roll < 0.1 ? "rolled_back" : "succeeded";
      const durationMin = envSlug === "production" ? 15 + rand() * 40 : 2 + rand() * 12;
      const id = `${prefix}-dep-${envSlug.slice(0, 3)}-${String(i).padStart(5, "0")}`;
      const row: DeploymentRow = {
        id,
        externalId: id,
        serviceIndex,
        envSlug,
        version,
        commitSha: hex(rand, 40),
        status,
        strategy: STRATEGY[envSlug],
        progress: status === "failed" ? Math.floor(rand() * 90) : 100,
        startedAt: new Date(t),
        finishedAt: new Date(t + durationMin * 60_000),
        triggeredBy: envSlug === "production" ? "platform@example.com" : TRIGGERS[Math.floor(rand() * TRIGGERS.length)],
        changeTicket: envSlug === "production" ? `CHG-${1000 + i}` : null,
        rollbackOfId: null,
      };
      rows.push(row);
      if (status === "rolled_back" && lastGood[serviceIndex]) {
        // The rollback: the previous good version redeployed a few minutes later, linking the one it replaced.
        const prev = lastGood[serviceIndex]!;
        rows.push({
          ...row,
          id: `${id}-rb`,
          externalId: `${id}-rb`,
          version: prev.version,
          commitSha: prev.commitSha,
          status: "succeeded",
          progress: 100,
          startedAt: new Date(t + (durationMin + 4) * 60_000),
          finishedAt: new Date(t + (durationMin + 9) * 60_000),
          triggeredBy: "platform@example.com",
          rollbackOfId: id,
        });
      } else if (status === "succeeded") {
        lastGood[serviceIndex] = row;
      }
    }
    lastGood = [];
  }
  return rows;
}

export interface PromotionSeed {
  id: string;
  state: PromotionState;
  kind: "standard" | "hotfix";
  from: "development" | "staging";
  to: "staging" | "production";
  serviceIndex: number;
  requester: string;
  approver: string | null;
  decision: "approve" | "reject" | null;
  ageHours: number;
  gateStatus: (gate: string, index: number) => GateStatus;
}

const ALL_STATES: PromotionState[] = ["requested", "checking", "awaiting_approval", "approved", "deploying", "deployed", "rejected", "failed", "rolled_back", "cancelled", "expired"];

export function promotionSeeds(serviceCount: number): PromotionSeed[] {
  const out: PromotionSeed[] = [];
  let n = 0;
  for (const state of ALL_STATES) {
    for (let k = 0; k < 2; k++) {
      const serviceIndex = (n * 5 + k) % serviceCount;
      const decided = ["approved", "deploying", "deployed", "failed", "rolled_back"].includes(state);
      out.push({
        id: `seed-promo-${String(n).padStart(3, "0")}`,
        state,
        kind: "standard",
        from: "staging",
        to: "production",
        serviceIndex,
        requester: k === 0 ? "dev@example.com" : state === "awaiting_approval" ? "platform@example.com" : "dev2@example.com",
        approver: decided ? "platform2@example.com" : state === "rejected" ? "platform@example.com" : null,
        decision: decided ? "approve" : state === "rejected" ? "reject" : null,
        ageHours: state === "expired" ? 24 * 5 : ["requested", "checking", "awaiting_approval"].includes(state) ? 2 + n : 24 + n * 7,
        gateStatus: (_gate, i) =>
          state === "requested" ? "pending" : state === "checking" ? (i % 3 === 0 ? "pending" : "passed") : state === "failed" && i === 2 ? "failed" : "passed",
      });
      n++;
    }
  }
  // Dev → staging, automatic, and a hotfix straight to production.
  out.push({ id: "seed-promo-auto", state: "deployed", kind: "standard", from: "development", to: "staging", serviceIndex: 3, requester: "dev@example.com", approver: null, decision: null, ageHours: 30, gateStatus: () => "passed" });
  out.push({ id: "seed-promo-hotfix", state: "deployed", kind: "hotfix", from: "staging", to: "production", serviceIndex: 2, requester: "platform@example.com", approver: "cto@example.com", decision: "approve", ageHours: 50, gateStatus: () => "passed" });
  return out;
}
