// Fault tests (`npm run bench -- --fault`), on the production build, loopback only:
//  1. Postgres restarted mid-load: while it is down /api/health answers 503 (quickly,
//     never 200); the portal recovers by itself once Postgres is back (no restart);
//     every write the API acknowledged (2xx) is in the database afterwards.
//  2. Webhook storm: 1,000 signed GitHub `deployment` deliveries, 10% of them
//     redeliveries (same X-GitHub-Delivery, some racing the original) → exactly 900
//     new deployments, every response 2xx. Skipped while POST /api/webhooks/github
//     does not exist.
import { createHmac, randomUUID } from "node:crypto";
import pg from "pg";
import type { BenchDatabases } from "../../bench/lib/databases";
import { startPortal, type Server } from "../../bench/lib/portal";
import { createApiToken, sessionCookie, userIdByEmail } from "../../bench/lib/auth";

type Log = (l: string) => void;
const WEBHOOK_SECRET = "bench-webhook-secret-for-loopback-only";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<{ status: number; ms: number; body: string }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { redirect: "manual", ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { status: res.status, ms: performance.now() - t, body };
  } catch {
    return { status: 0, ms: performance.now() - t, body: "" };
  }
}

async function countWhere(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
  } finally {
    await client.end();
  }
}

export async function postgresRestart(db: BenchDatabases, portal: Server, log: Log, o: { downS: number; loadS: number }): Promise<boolean> {
  const url = db.smallUrl;
  const token = await createApiToken(url, "fault-ci", null);
  const cookie = await sessionCookie(await userIdByEmail(url, "platform@example.com"));
  const probe = await timedFetch(`${portal.base}/api/v1/deployments`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
  const canWrite = probe.status !== 404 && probe.status !== 405;
  if (!canWrite) log("fault: POST /api/v1/deployments missing: the restart test checks health and recovery only");

  const acknowledged: string[] = [];
  const health: { t: number; status: number; ms: number; phase: string }[] = [];
  let phase: "before" | "down" | "back" = "before";
  let stop = false;
  const run = randomUUID().slice(0, 8);
  let seq = 0;
  const writeStatuses = new Map<string, number>();
  const writer = async () => {
    while (!stop && canWrite) {
      const externalId = `fault-${run}-${seq++}`;
      const r = await timedFetch(`${portal.base}/api/v1/deployments`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ externalId, environment: "staging", service: "checkout", version: `v9.9.${seq}`, commitSha: "abcdef1234567", status: "succeeded" }),
      });
      if (r.status >= 200 && r.status < 300) acknowledged.push(externalId);
      const key = `${phase}:${r.status}`;
      writeStatuses.set(key, (writeStatuses.get(key) ?? 0) + 1);
      if (r.status === 0 || r.status >= 500) await sleep(100);
    }
  };
  const reader = async () => {
    while (!stop) {
      const r = await timedFetch(`${portal.base}/`, { headers: { cookie } });
      if (r.status === 0 || r.status >= 500) await sleep(100);
    }
  };
  const t0 = Date.now();
  const prober = async () => {
    while (!stop) {
      const r = await timedFetch(`${portal.base}/api/health`, {}, 10_000);
      health.push({ t: Date.now() - t0, status: r.status, ms: r.ms, phase });
      await sleep(250);
    }
  };
  const load = Promise.all([...Array.from({ length: 4 }, writer), ...Array.from({ length: 4 }, reader), prober()]);

  await sleep(o.loadS * 1000);
  log(`fault: stopping Postgres under load (${acknowledged.length} writes acknowledged so far)`);
  phase = "down";
  await db.stopOnly();
  await sleep(o.downS * 1000);
  log("fault: starting Postgres again");
  await db.startAgain();
  phase = "back";
  const backAt = Date.now();
  let recoveredMs: number | null = null;
  while (Date.now() - backAt < 60_000) {
    const ok = health.filter((h) => h.phase === "back" && h.t >= backAt - t0).some((h) => h.status === 200);
    if (ok) {
      recoveredMs = Date.now() - backAt;
      break;
    }
    await sleep(250);
  }
  const beforeMore = acknowledged.length;
  await sleep(o.loadS * 1000);
  stop = true;
  await load;

  const down = health.filter((h) => h.phase === "down");
  const down503 = down.filter((h) => h.status === 503).length;
  const down200 = down.filter((h) => h.status === 200).length;
  const slowest = Math.max(0, ...down.map((h) => h.ms));
  let lost = 0;
  if (canWrite && acknowledged.length) {
    const present = await countWhere(url, `select count(*) as n from "Deployment" where "externalId" = any($1::text[])`, [acknowledged]);
    lost = acknowledged.length - present;
  }
  const writesAfter = acknowledged.length - beforeMore;
  log(`fault: write answers by phase: ${JSON.stringify(Object.fromEntries(writeStatuses))}`);
  log(`fault: health while down: ${down.length} probes, ${down503} × 503, ${down200} × 200, slowest ${slowest.toFixed(0)} ms`);
  log(`fault: recovered ${recoveredMs === null ? "NEVER" : `${(recoveredMs / 1000).toFixed(1)} s after Postgres came back`}; writes acknowledged ${acknowledged.length} (after recovery ${writesAfter}), lost ${lost}`);
  // A write refused for the outage answers 503 (retry later), never 500.
  const writes500 = [...writeStatuses].filter(([k]) => k.endsWith(":500")).reduce((n, [, c]) => n + c, 0);
  if (writes500) log(`fault: ${writes500} write(s) answered 500 instead of 503 (the server log has the error)`);
  const pass = down.length > 0 && down503 > 0 && down200 === 0 && writes500 === 0 && recoveredMs !== null && lost === 0 && (!canWrite || writesAfter > 0) && portal.child.exitCode === null;
  log(`fault: postgres restart ${pass ? "PASS" : "FAIL"}`);
  return pass;
}

/** A GitHub `deployment` delivery for a demo service, signed like GitHub signs it. */
// GitHub deployment ids unique to this run, so earlier runs' deployments do not count.
const RUN_BASE = (Date.now() % 1_000_000_000) * 10_000;

function delivery(n: number) {
  const services = ["checkout", "payments", "orders", "search", "auth", "inventory"];
  const envs = ["production", "staging", "dev"];
  const service = services[n % services.length];
  const payload = {
    action: "created",
    deployment: {
      id: RUN_BASE + n,
      sha: createHmac("sha1", "sha").update(String(n)).digest("hex"),
      ref: "main",
      environment: envs[n % envs.length],
      created_at: new Date(Date.now() - n * 1000).toISOString(),
      creator: { login: "octocat" },
      description: `storm ${n}`,
      payload: {},
    },
    repository: { name: service, full_name: `example-corp/${service}` },
    sender: { login: "octocat" },
  };
  const body = JSON.stringify(payload);
  return { id: randomUUID(), body, signature: `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}` };
}

export async function webhookStorm(db: BenchDatabases, portal: Server, log: Log, o: { total: number }): Promise<boolean | null> {
  const endpoint = `${portal.base}/api/webhooks/github`;
  const ping = await timedFetch(endpoint, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": randomUUID() }, body: "{}" });
  if (ping.status === 404 || ping.status === 405) {
    log("fault: webhook storm: n/a (route missing: POST /api/webhooks/github)");
    return null;
  }
  const unique = Math.round(o.total * 0.9);
  const originals = Array.from({ length: unique }, (_, i) => delivery(i));
  // 10% redeliveries of random originals, shuffled in: some race their original.
  const sends = [...originals];
  for (let k = 0; k < o.total - unique; k++) {
    const d = originals[(k * 7919) % unique];
    sends.splice(Math.min(sends.length, sends.indexOf(d) + 1 + (k % 5)), 0, d);
  }
  const before = await countWhere(db.smallUrl, `select count(*) as n from "Deployment"`);
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < sends.length) {
        const d = sends[next++];
        const r = await timedFetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", "x-github-event": "deployment", "x-github-delivery": d.id, "x-hub-signature-256": d.signature, "user-agent": "GitHub-Hookshot/bench" },
          body: d.body,
        }, 30_000);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const ms = Date.now() - t0;
  const after = await countWhere(db.smallUrl, `select count(*) as n from "Deployment"`);
  const created = after - before;
  const bad = [...statuses].filter(([s]) => s < 200 || s >= 300).reduce((a, [, n]) => a + n, 0);
  log(`fault: webhook storm: ${sends.length} deliveries (${unique} unique) in ${(ms / 1000).toFixed(1)} s (${((sends.length / ms) * 1000).toFixed(0)}/s); statuses ${JSON.stringify(Object.fromEntries(statuses))}; deployments created ${created} (expected ${unique})`);
  const pass = created === unique && bad === 0;
  log(`fault: webhook storm ${pass ? "PASS" : "FAIL"}`);
  return pass;
}

export async function runFaults(o: { db: BenchDatabases; port: number; log: Log; quick: boolean }): Promise<boolean> {
  const portal = await startPortal("portal-fault", o.port, o.db.smallUrl, { GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET, API_RATE_LIMIT_PER_MINUTE: "1000000" });
  try {
    const restart = await postgresRestart(o.db, portal, o.log, { downS: o.quick ? 4 : 8, loadS: o.quick ? 3 : 6 });
    const storm = await webhookStorm(o.db, portal, o.log, { total: o.quick ? 200 : 1000 });
    o.log(`fault: restart ${restart ? "PASS" : "FAIL"}, webhook storm ${storm === null ? "n/a (route missing)" : storm ? "PASS" : "FAIL"}`);
    return restart && storm !== false;
  } finally {
    await portal.stop();
  }
}
