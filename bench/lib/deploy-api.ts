// `deploy-api`: CI reporting deployments through `POST /api/v1/deployments` from 20
// clients at once (autocannon, a unique externalId per request, a CI token), bounded in
// time, then checked in the database: every request answered 2xx, every acknowledged id
// is there exactly once, and a second POST of the same ids creates nothing. The baseline
// is the same number of plain `INSERT INTO "Deployment"` rows through raw `pg` from 20
// clients, so the ratio shows the API's overhead. Every row the run created is deleted at
// the end (the audit events of the API's reports stay: the chain is append-only).
import autocannon from "autocannon";
import pg from "pg";
import { runWorkers, type Throughput } from "./inproc";

export interface DeployApiResult {
  api: Throughput;
  plain: Throughput;
  /** Responses that were not 2xx, socket errors and timeouts, during the run or the checks. */
  errors: number;
  statuses: Record<string, number>;
  /** Ids acknowledged (2xx) during the measured run. */
  acknowledged: number;
  /** Requests cut off by the end of the run (no answer seen), then retried like CI would; of those, already in the database. */
  cutOff: number;
  cutOffAlreadyStored: number;
  /** Rows with the run's prefix beyond one per id sent, and ids sent with no row. */
  duplicates: number;
  missing: number;
  /** Re-posted ids (a sample) and how many of them created a row (must be 0). */
  resent: number;
  resentCreated: number;
}

type Log = (line: string) => void;
const ENVIRONMENTS = ["development", "staging", "production"] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; created: boolean | null }> {
  try {
    const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    const json = (await res.json().catch(() => null)) as { created?: boolean } | null;
    return { status: res.status, created: typeof json?.created === "boolean" ? json.created : null };
  } catch {
    return { status: 0, created: null };
  }
}

/** Runs `fn` over `items` from `concurrency` workers. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

export async function deployApiVsPlain(o: { base: string; databaseUrl: string; token: string; connections: number; durationS: number; warmupS: number; log: Log }): Promise<DeployApiResult | { skip: string }> {
  const url = `${o.base}/api/v1/deployments`;
  if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) throw new Error("bench: refusing a non-loopback host");
  const run = `bench-api-${Date.now().toString(36)}`;
  const client = new pg.Pool({ connectionString: o.databaseUrl, max: o.connections });
  const count = async (sql: string, params: unknown[]) => Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
  try {
    const services = (await client.query<{ id: string; slug: string }>(`select id, slug from "Service" order by slug`)).rows;
    const envs = (await client.query<{ id: string; slug: string }>(`select id, slug from "Environment" where slug = any($1)`, [[...ENVIRONMENTS]])).rows;
    if (!services.length || envs.length !== ENVIRONMENTS.length) return { skip: "n/a (no services or environments)" };
    const payload = (externalId: string, n: number) => ({
      externalId,
      environment: ENVIRONMENTS[n % ENVIRONMENTS.length],
      service: services[n % services.length].slug,
      version: `v9.${Math.floor(n / 1000)}.${n % 1000}`,
      commitSha: (n.toString(16) + "abcdef1234567").slice(0, 12),
      status: "succeeded",
      strategy: "rolling",
      triggeredBy: "bench-ci",
    });

    const probe = await post(url, o.token, payload(`${run}-probe`, 0));
    if (probe.status === 404 || probe.status === 405) return { skip: "n/a (route missing) — POST /api/v1/deployments" };
    if (probe.status !== 201) return { skip: `n/a (the first POST answered ${probe.status})` };

    let seq = 1;
    const sent = new Map<string, number>([[`${run}-probe`, 0]]);
    const acked = new Set<string>([`${run}-probe`]);
    const statuses: Record<string, number> = {};
    const measuredAcked: string[] = [];
    let recording = false;
    const cannon = async (durationS: number, record: boolean) => {
      recording = record;
      const times: number[] = [];
      const instance = autocannon({
        url,
        connections: o.connections,
        duration: durationS,
        timeout: 30,
        method: "POST",
        headers: { authorization: `Bearer ${o.token}`, "content-type": "application/json" },
        requests: [
          {
            method: "POST",
            path: "/api/v1/deployments",
            setupRequest: (req) => {
              const n = seq++;
              const externalId = `${run}-${n}`;
              sent.set(externalId, n);
              return { ...req, body: JSON.stringify(payload(externalId, n)) };
            },
            onResponse: (status, body) => {
              const key = String(status);
              if (recording) statuses[key] = (statuses[key] ?? 0) + 1;
              if (status < 200 || status >= 300) return;
              try {
                const id = (JSON.parse(body) as { data?: { externalId?: string } }).data?.externalId;
                if (id) {
                  acked.add(id);
                  if (recording) measuredAcked.push(id);
                }
              } catch {
                /* counted below: an acknowledged request without an id */
              }
            },
          },
        ],
      });
      if (record) instance.on("response", (_c, _s, _b, ms) => void times.push(ms));
      const r = await instance;
      times.sort((a, b) => a - b);
      return { r, times };
    };
    if (o.warmupS > 0) await cannon(o.warmupS, false);
    o.log(`deploy-api: POST /api/v1/deployments from ${o.connections} clients for ${o.durationS} s`);
    const { r, times } = await cannon(o.durationS, true);
    recording = false;
    let errors = r.errors + r.timeouts + r.non2xx;
    if (measuredAcked.length !== r["2xx"]) errors += Math.abs(r["2xx"] - measuredAcked.length);
    const api: Throughput = { label: "POST /api/v1/deployments (20 CI clients)", ops: r["2xx"], opsPerS: r["2xx"] / o.durationS, p50: percentile(times, 50), p95: percentile(times, 95), errors, concurrency: o.connections, durationS: o.durationS };

    // Let the requests cut off by the end of the run finish on the server, then send
    // them again, as CI would retry a request that got no answer.
    for (let i = 0; i < 240; i++) {
      const t = performance.now();
      const h = await fetch(`${o.base}/api/health`).then((x) => x.status).catch(() => 0);
      if (h === 200 && performance.now() - t < 250) break;
      await sleep(500);
    }
    const cutOffIds = [...sent.keys()].filter((id) => !acked.has(id));
    let cutOffAlreadyStored = 0;
    await pool(cutOffIds, o.connections, async (id) => {
      const a = await post(url, o.token, payload(id, sent.get(id)!));
      if (a.status === 200 && a.created === false) cutOffAlreadyStored++;
      else if (a.status !== 201) errors++;
      if (a.status === 200 || a.status === 201) acked.add(id);
    });

    // Every id sent is now acknowledged: exactly one row each, none more.
    const ids = [...sent.keys()];
    const byPrefix = await count(`select count(*) as n from "Deployment" where "externalId" like $1`, [`${run}-%`]);
    const byId = await count(`select count(*) as n from "Deployment" where "externalId" = any($1::text[])`, [ids]);
    const duplicates = Math.max(0, byPrefix - ids.length);
    const missing = ids.length - byId;

    // A second POST of a sample of the same ids (20 at once) creates nothing.
    const sample = measuredAcked.filter((_, i) => i % Math.max(1, Math.floor(measuredAcked.length / 200)) === 0).slice(0, 200);
    let resentCreated = 0;
    await pool(sample, o.connections, async (id) => {
      const a = await post(url, o.token, payload(id, sent.get(id)!));
      if (a.status !== 200 || a.created !== false) {
        if (a.status === 201) resentCreated++;
        else errors++;
      }
    });
    const afterResend = await count(`select count(*) as n from "Deployment" where "externalId" like $1`, [`${run}-%`]);
    resentCreated = Math.max(resentCreated, afterResend - byPrefix);

    // Baseline: the same number of rows, plain inserts from as many clients.
    const n = Math.max(1, api.ops);
    o.log(`deploy-api: ${n} plain INSERT INTO "Deployment" from ${o.connections} clients`);
    let nextPlain = 0;
    const plain = await runWorkers(`plain INSERT INTO "Deployment" (${n} rows)`, o.connections, 600, async () => {
      const i = nextPlain++;
      if (i >= n) return false;
      const p = payload(`${run}-plain-${i}`, i);
      await client.query(
        `insert into "Deployment" (id, "externalId", "serviceId", "environmentId", version, "commitSha", status, strategy, progress, "startedAt", "finishedAt", "triggeredBy", "createdAt", "updatedAt")
         values ($1, $1, $2, $3, $4, $5, 'succeeded', 'rolling', 100, now(), now(), $6, now(), now())`,
        [p.externalId, services[i % services.length].id, envs.find((e) => e.slug === p.environment)!.id, p.version, p.commitSha, p.triggeredBy],
      );
    });

    return { api, plain, errors, statuses, acknowledged: measuredAcked.length, cutOff: cutOffIds.length, cutOffAlreadyStored, duplicates, missing, resent: sample.length, resentCreated };
  } finally {
    const removed = await client.query(`delete from "Deployment" where "externalId" like $1`, [`${run}-%`]).catch(() => null);
    if (removed) o.log(`deploy-api: deleted the run's ${removed.rowCount} deployments`);
    await client.end();
  }
}
