// In-process measurements: the product's DAL functions called directly (as a page or
// route would), against the same work done the plain way, in one run.
//   - a DAL query vs the same SQL (captured from Prisma) through raw `pg`
//   - 20 concurrent approvers (decidePromotion) vs plain inserts of the same rows
//   - chained audit inserts (writeAudit) vs plain inserts of the same rows
import Module from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import type { Principal } from "../../lib/authz";

export interface Throughput {
  label: string;
  ops: number;
  opsPerS: number;
  p50: number;
  p95: number;
  errors: number;
  concurrency: number;
  durationS: number;
}

// The DAL files guard themselves with `import "server-only"` (it throws outside a React
// Server build); this process is server-side anyway.
function stubServerOnly() {
  const req = Module.createRequire(__filename);
  const id = req.resolve("server-only");
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  cache[id] = { id, filename: id, loaded: true, exports: {}, children: [], paths: [] };
}

let prepared = false;
const g = globalThis as unknown as { prisma?: PrismaClient };

/** Points lib/db at `databaseUrl` with a pool of `poolMax` (must run before any DAL import). */
export function prepareDal(databaseUrl: string, poolMax = 10) {
  if (prepared) return;
  prepared = true;
  stubServerOnly();
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_MAX = String(poolMax);
  g.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolMax }) });
}

export async function closeDal() {
  await g.prisma?.$disconnect().catch(() => {});
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Runs `op` from `concurrency` workers for `durationS` seconds (or until `op` returns false). */
export async function runWorkers(label: string, concurrency: number, durationS: number, op: (worker: number, n: number) => Promise<boolean | void>): Promise<Throughput> {
  const times: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const t0 = performance.now();
  const until = t0 + durationS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let n = 0; performance.now() < until; n++) {
        const s = performance.now();
        try {
          if ((await op(w, n)) === false) return;
          times.push(performance.now() - s);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  if (firstError) console.error(`bench: ${label}: first error:`, firstError instanceof Error ? firstError.message : firstError);
  times.sort((a, b) => a - b);
  return { label, ops: times.length, opsPerS: times.length / elapsed, p50: percentile(times, 50), p95: percentile(times, 95), errors, concurrency, durationS: elapsed };
}

async function principal(email: string): Promise<Principal> {
  const { loadUserPrincipal } = await import("../../lib/data/users/load-principal");
  const user = await g.prisma!.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const p = await loadUserPrincipal(user.id);
  if (!p) throw new Error(`bench: ${email} is not active`);
  return p;
}

/**
 * The deploy-history DAL vs the exact SQL Prisma sent for it, run through a plain `pg`
 * pool of the same size: `listDeployments` as pages and routes call it (pages kept per
 * deployments generation: each call reads the generations, a miss also runs the SQL),
 * and, informative, its uncached path (the work of every miss).
 */
export async function dalVsRawPg(databaseUrl: string, o: { concurrency: number; durationS: number }): Promise<{ dal: Throughput; miss: Throughput; raw: Throughput; sql: string } | { skip: string }> {
  let mod: typeof import("../../lib/data/deployments/list-deployments");
  let schema: typeof import("../../lib/validations/deployments").ZListDeploymentsSchema;
  try {
    mod = await import("../../lib/data/deployments/list-deployments");
    ({ ZListDeploymentsSchema: schema } = await import("../../lib/validations/deployments"));
  } catch {
    return { skip: "n/a (lib/data/deployments/list-deployments missing)" };
  }
  const { listDeployments, listDeploymentsUncached } = mod;
  const who = await principal("platform@example.com");
  const filters = schema.parse({ limit: "50" });
  // Capture the SQL: run the DAL's miss path once on a client that logs its queries.
  const normal = g.prisma!;
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }), log: [{ emit: "event", level: "query" }] });
  const queries: { query: string; params: string }[] = [];
  logging.$on("query", (e) => queries.push({ query: e.query, params: e.params }));
  g.prisma = logging;
  try {
    await listDeploymentsUncached(who, filters);
  } finally {
    g.prisma = normal;
    await logging.$disconnect();
  }
  const q = queries.find((x) => /from "public"\."Deployment"|from "Deployment"/i.test(x.query)) ?? queries.at(-1);
  if (!q) return { skip: "n/a (no query captured)" };
  const params = JSON.parse(q.params) as unknown[];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    const check = await pool.query(q.query, params);
    const viaDal = await listDeployments(who, filters);
    if (check.rowCount !== viaDal.data.length + 1 && check.rowCount !== viaDal.data.length) throw new Error(`bench: raw SQL returned ${check.rowCount} rows, the DAL ${viaDal.data.length}`);
    await runWorkers("warm-up", o.concurrency, 1, async () => void (await listDeployments(who, filters)));
    const dal = await runWorkers("DAL listDeployments", o.concurrency, o.durationS, async () => void (await listDeployments(who, filters)));
    await runWorkers("warm-up", o.concurrency, 1, async () => void (await listDeploymentsUncached(who, filters)));
    const miss = await runWorkers("DAL listDeployments, uncached", o.concurrency, o.durationS, async () => void (await listDeploymentsUncached(who, filters)));
    await runWorkers("warm-up", o.concurrency, 1, async () => void (await pool.query(q.query, params)));
    const raw = await runWorkers("raw pg, same SQL", o.concurrency, o.durationS, async () => void (await pool.query(q.query, params)));
    return { dal, miss, raw, sql: q.query };
  } finally {
    await pool.end();
  }
}

/**
 * 20 approvers deciding production promotions at once through decidePromotion (read,
 * checks, then one guarded statement: state change + approval + timeline event + audit +
 * outbox, race-safe) vs 20 writers writing the same rows plainly (one transaction each). Then checks: no errors, every decided promotion has exactly
 * one approval and is approved.
 */
export async function approversVsPlain(o: { concurrency: number; durationS: number; promotions: number }): Promise<{ chained: Throughput; plain: Throughput; doubleDecisions: number } | { skip: string }> {
  let decidePromotion: typeof import("../../lib/data/promotions/decide-promotion").decidePromotion;
  try {
    ({ decidePromotion } = await import("../../lib/data/promotions/decide-promotion"));
  } catch {
    return { skip: "n/a (lib/data/promotions/decide-promotion missing)" };
  }
  const prisma = g.prisma!;
  const run = `bench-${Date.now().toString(36)}`;
  const [prod, staging, dev] = await Promise.all(["production", "staging", "development"].map((slug) => prisma.environment.findUniqueOrThrow({ where: { slug }, select: { id: true } })));
  void dev;
  const requester = await prisma.user.findUniqueOrThrow({ where: { email: "dev@example.com" }, select: { id: true } });
  const approverRows = await prisma.user.findMany({
    where: { active: true, roles: { some: { role: "platform" } }, NOT: { id: requester.id } },
    select: { email: true },
    orderBy: { email: "asc" },
    take: o.concurrency,
  });
  if (approverRows.length < o.concurrency) return { skip: `n/a (only ${approverRows.length} platform users; run with the large dataset)` };
  const approvers = await Promise.all(approverRows.map((u) => principal(u.email)));
  const services = await prisma.service.findMany({ select: { id: true }, take: 50, orderBy: { id: "asc" } });
  const policy = await prisma.policy.findUnique({ where: { environmentId: prod.id }, select: { requiredGates: true } });
  // Two pools of promotions awaiting approval: one decided through the DAL, one given plain inserts.
  const make = async (prefix: string, n: number) => {
    const ids = Array.from({ length: n }, (_, i) => `${run}-${prefix}-${i}`);
    await prisma.promotion.createMany({
      data: ids.map((id, i) => ({
        id,
        serviceId: services[i % services.length].id,
        fromEnvironmentId: staging.id,
        toEnvironmentId: prod.id,
        version: `v9.${i}.0`,
        reason: "bench",
        changeTicket: `CHG-${i}`,
        rollbackPlan: "Redeploy the previous version.",
        state: "awaiting_approval" as const,
        requestedById: requester.id,
        expiresAt: new Date(Date.now() + 72 * 3_600_000),
      })),
    });
    await prisma.gate.createMany({ data: ids.flatMap((promotionId) => (policy?.requiredGates ?? []).map((gate) => ({ promotionId, gate, status: "passed" as const, reporter: "bench", reportedAt: new Date() }))) });
    return ids;
  };
  const decideIds = await make("dal", o.promotions);
  const plainIds = await make("plain", o.promotions);
  try {
    let next = 0;
    const chained = await runWorkers("decidePromotion", o.concurrency, o.durationS, async (w) => {
      const id = decideIds[next++];
      if (!id) return false;
      await decidePromotion(approvers[w], id, { decision: "approve", comment: "bench" });
    });
    let nextPlain = 0;
    // The baseline writes the same rows a decision writes (the approval, the state change,
    // the timeline event and the audit event), plainly: one transaction, no read, no checks,
    // no guard. The ratio is the price of deciding safely, not of writing four rows instead of one.
    const plain = await runWorkers("the same rows, plain writes", o.concurrency, o.durationS, async (w) => {
      const id = plainIds[nextPlain++];
      if (!id) return false;
      const a = approvers[w];
      await prisma.$transaction([
        prisma.promotion.update({ where: { id }, data: { state: "approved", stateVersion: { increment: 1 }, decidedAt: new Date() }, select: { id: true } }),
        prisma.approval.create({ data: { promotionId: id, userId: a.userId!, decision: "approve", comment: "bench" }, select: { id: true } }),
        prisma.promotionEvent.create({ data: { promotionId: id, type: "transition", fromState: "awaiting_approval", toState: "approved", actorId: a.userId, message: `Approved by ${a.name}: bench` }, select: { id: true } }),
        prisma.auditEvent.create({ data: { actorId: a.userId, actorLabel: a.email, action: "bench.plain", targetType: "promotion", targetId: id, environmentId: prod.id, before: { state: "awaiting_approval" }, after: { state: "approved", decision: "approve", comment: "bench" } }, select: { id: true } }),
      ]);
    });
    await prisma.auditEvent.deleteMany({ where: { action: "bench.plain" } });
    const decided = decideIds.slice(0, Math.min(next, decideIds.length));
    const rows = await prisma.promotion.findMany({ where: { id: { in: decided } }, select: { state: true, _count: { select: { approvals: true } } } });
    const doubleDecisions = rows.filter((r) => r._count.approvals !== 1 || r.state !== "approved").length;
    return { chained, plain, doubleDecisions };
  } finally {
    await prisma.promotion.deleteMany({ where: { id: { startsWith: run } } });
  }
}

/**
 * writeAudit (the event inserted in the caller's transaction; the sealer, running
 * alongside as it does in the portal, chains it after commit) vs a plain insert of the
 * same row, each in its own transaction, from `concurrency` writers. Then the sealer
 * chains what is left (its rate is printed: it must outpace the writers) and the chain
 * is verified. The plain rows are
 * deleted first, so only the chained events remain.
 */
export async function auditChainedVsPlain(o: { concurrency: number; durationS: number }): Promise<{ chained: Throughput; plain: Throughput; chainOk: boolean | null; sealed: number; sealPerS: number } | { skip: string }> {
  const { writeAudit } = await import("../../lib/data/audit/write-audit");
  const { sealAuditChain } = await import("../../lib/data/audit/seal-audit-chain");
  const prisma = g.prisma!;
  const env = await prisma.environment.findFirstOrThrow({ select: { id: true } });
  const actor = { userId: null, email: "bench@loopback" } as const;
  const payload = (w: number, n: number) => ({ action: "bench.chained", targetType: "bench", targetId: `${w}-${n}`, environmentId: env.id, before: { value: n - 1 }, after: { value: n } });
  await sealAuditChain(prisma, { wait: true });
  await runWorkers("warm-up", o.concurrency, 1, (w, n) => prisma.$transaction((tx) => writeAudit(tx, { actor, ...payload(w, n) })));
  // The portal seals in the background while it writes (audit-sealer.ts): so does the bench,
  // so the sealer's cost is inside the chained measurement.
  let sealing = true;
  let sealed = 0;
  let sealMs = 0;
  const seal = async (wait: boolean) => {
    const t = performance.now();
    const r = await sealAuditChain(prisma, { wait });
    if (r.sealed) {
      sealed += r.sealed;
      sealMs += performance.now() - t;
    }
  };
  const sealer = (async () => {
    while (sealing) {
      await seal(false);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const chained = await runWorkers("writeAudit (chained)", o.concurrency, o.durationS, (w, n) => prisma.$transaction((tx) => writeAudit(tx, { actor, ...payload(w, n) })));
  sealing = false;
  await sealer;
  const plain = await runWorkers("plain AuditEvent insert", o.concurrency, o.durationS, (w, n) =>
    prisma.$transaction(async (tx) => {
      const p = payload(w, n);
      await tx.auditEvent.create({ data: { actorId: null, actorLabel: actor.email, ...p, action: "bench.plain" }, select: { id: true } });
    }),
  );
  await prisma.auditEvent.deleteMany({ where: { action: "bench.plain" } });
  await seal(true);
  // Events sealed per second of sealing work (it ran alongside the writers).
  const sealPerS = sealMs > 0 ? sealed / (sealMs / 1000) : Infinity;
  let chainOk: boolean | null = null;
  try {
    const { verifyAuditChain } = await import("../../lib/data/audit/verify-audit-chain");
    chainOk = (await verifyAuditChain()).ok;
  } catch {
    chainOk = null;
  }
  return { chained, plain, chainOk, sealed, sealPerS };
}
