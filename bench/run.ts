// `npm run bench`: the whole benchmark in one command, every measurement against its
// baseline in the same run. See docs/bench.md.
//
//   npm run bench                 full run (~5-8 min once the large dataset exists)
//   npm run bench -- --quick      2 s per measurement (harness check)
//   npm run bench -- --skip-build reuse the last production build in .next-bench
//   npm run bench -- --fresh      recreate the bench database (reloads the 1M rows)
//   npm run bench -- --only=overview,history
//   npm run bench -- --only=config,deploy-api,sync
//   npm run bench -- --load       200 users browsing for 60 s (tests/load)
//   npm run bench -- --fault      Postgres restart mid-load + webhook storm (tests/fault)
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openBenchDatabases, SMALL_SECRETS, type BenchDatabases } from "./lib/databases";
import { buildBaseline, buildPortal, startBaseline, startPortal, type Server } from "./lib/portal";
import { installExitHandlers, onCleanup, stopAll } from "./lib/procs";
import { measure, probe, type Measure } from "./lib/http";
import { createApiToken, sessionCookie, userIdByEmail } from "./lib/auth";
import { approversVsPlain, auditChainedVsPlain, closeDal, dalVsRawPg, prepareDal, type Throughput } from "./lib/inproc";
import { deployApiVsPlain } from "./lib/deploy-api";
import { syncFirstVsResync } from "./lib/sync";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const QUICK = flag("quick");
const DURATION = Number(option("duration") ?? (QUICK ? 2 : 6));
// Each side of a pair is driven this long before it is measured: V8 compiles a heavy
// page's code over its first thousand or so requests (the overview served ~110 rps in
// its first 6 s and ~145 from the third 6 s on), and the figures are of the steady state.
const WARMUP = QUICK ? 1 : 5;
const ONLY = option("only")?.split(",");
const PORTS = { large: 3105, small: 3106, baseline: 3107, fault: 3108 };

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

type Side = { label: string; rps: number; p50: number; p95: number; errors: number; requests: number; concurrency: number };
export interface Row {
  name: string;
  goal: string;
  /** The ratio the goal is about (subject ÷ baseline). */
  ratio: number | null;
  pass: boolean | null;
  subject?: Side;
  baseline?: Side;
  extra?: Record<string, unknown>;
  note?: string;
}

const rows: Row[] = [];
const want = (name: string) => !ONLY || ONLY.includes(name);
/** The measurements that need the three HTTP servers. */
const HTTP_MEASUREMENTS = ["overview", "layout", "history", "history-api", "secrets", "compare", "config", "config-bare", "deploy-api"];

function side(label: string, m: Measure | Throughput): Side {
  if ("url" in m) return { label, rps: m.rps, p50: m.p50, p95: m.p95, errors: m.errors + m.non2xx, requests: m.requests, concurrency: m.connections };
  return { label, rps: m.opsPerS, p50: m.p50, p95: m.p95, errors: m.errors, requests: m.ops, concurrency: m.concurrency };
}

function skip(name: string, goal: string, note: string) {
  rows.push({ name, goal, ratio: null, pass: null, note });
  log(`${name}: ${note}`);
}

/** Waits until the portal is idle again (requests cut off by the last measurement have finished). */
async function settle(base: string) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const t = performance.now();
    const r = await probe(`${base}/api/health`).catch(() => ({ status: 0 }));
    if (r.status > 0 && r.status < 500 && performance.now() - t < 250) return;
    await new Promise((res) => setTimeout(res, 500));
  }
}

const slowMs = new Map<string, number>();

/** A page that exists but still shows the app shell's placeholder counts as missing. */
async function routeState(url: string, headers: Record<string, string>): Promise<"ok" | string> {
  try {
    let t = performance.now();
    const r = await probe(url, headers);
    slowMs.set(url, performance.now() - t);
    // A page's first request fills its caches (e.g. the findings over every config entry):
    // the window is sized on a warm request, so one cold start does not stretch it.
    if (r.status < 300 && slowMs.get(url)! > 1000) {
      t = performance.now();
      await probe(url, headers);
      slowMs.set(url, performance.now() - t);
    }
    if (r.status === 404) return "n/a (route missing)";
    if (r.status >= 300 && r.status < 400) return `n/a (redirected: ${r.status}, not signed in?)`;
    if (r.status >= 400) return `n/a (answers ${r.status})`;
    if (r.text.includes("Not built yet")) return "n/a (route missing: placeholder page)";
    return "ok";
  } catch (error) {
    return `n/a (${(error as Error).message})`;
  }
}

async function pairHttp(
  name: string,
  goal: { text: string; metric: "rps" | "p50"; max?: number; min?: number; p95Max?: number; informative?: boolean },
  subject: { label: string; url: string; headers: Record<string, string> },
  baseline: { label: string; url: string; headers: Record<string, string> },
  connections: number,
) {
  if (!want(name)) return;
  for (const s of [subject, baseline]) {
    const state = await routeState(s.url, s.headers);
    if (state !== "ok") return skip(name, goal.text, `${state} — ${new URL(s.url).pathname}${new URL(s.url).search}`);
  }
  // A request slower than a third of the measurement window would barely finish inside
  // it: such pairs are measured for longer (up to 30 s), so the figures mean something.
  const slowest = Math.max(slowMs.get(subject.url) ?? 0, slowMs.get(baseline.url) ?? 0);
  const durationS = slowest > (DURATION * 1000) / 3 ? Math.min(30, Math.max(DURATION, Math.ceil((slowest * 4) / 1000))) : DURATION;
  if (durationS !== DURATION) log(`${name}: one request took ${(slowest / 1000).toFixed(1)} s: measuring for ${durationS} s`);
  log(`${name}: measuring ${subject.label} vs ${baseline.label} (${durationS} s each, ${connections} connections)`);
  const o = { connections, durationS, warmupS: durationS === DURATION ? WARMUP : 0 };
  // Baseline first, then the subject, then the baseline again: the ratio uses the mean
  // of the two baseline runs, which evens out other load on the machine.
  const b1 = await measure(baseline.url, { ...o, headers: baseline.headers });
  await settle(new URL(baseline.url).origin);
  const s = await measure(subject.url, { ...o, headers: subject.headers });
  await settle(new URL(subject.url).origin);
  const b2 = await measure(baseline.url, { ...o, headers: baseline.headers, warmupS: 0 });
  await settle(new URL(baseline.url).origin);
  const b: Measure = { ...b1, rps: (b1.rps + b2.rps) / 2, p50: (b1.p50 + b2.p50) / 2, p95: (b1.p95 + b2.p95) / 2, requests: b1.requests + b2.requests, errors: b1.errors + b2.errors, non2xx: b1.non2xx + b2.non2xx };
  const ratio = goal.metric === "rps" ? s.rps / b.rps : s.p50 / b.p50;
  const p95Ratio = s.p95 / b.p95;
  let pass = (goal.min === undefined || ratio >= goal.min) && (goal.max === undefined || ratio <= goal.max);
  if (goal.p95Max !== undefined) pass &&= p95Ratio <= goal.p95Max;
  const errors = s.errors + s.non2xx + b.errors + b.non2xx;
  if (errors) pass = false;
  const informative = goal.informative && !errors;
  rows.push({
    name,
    goal: goal.text,
    ratio,
    pass: informative ? null : pass,
    ...(informative ? { note: "informative" } : {}),
    subject: side(subject.label, s),
    baseline: side(baseline.label, b),
    extra: { metric: goal.metric, p95Ratio, ...(errors ? { errors } : {}) },
  });
  log(`${name}: ratio ${ratio.toFixed(2)} (${goal.text}) ${informative ? "informative" : pass ? "ok" : "MISSED"}`);
}

function pairThroughput(name: string, goalText: string, min: number, subject: Throughput, baseline: Throughput, extra: Record<string, unknown> = {}, failIf = false) {
  const ratio = subject.opsPerS / baseline.opsPerS;
  const pass = ratio >= min && subject.errors === 0 && baseline.errors === 0 && !failIf;
  rows.push({ name, goal: goalText, ratio, pass, subject: side(subject.label, subject), baseline: side(baseline.label, baseline), extra });
  log(`${name}: ratio ${ratio.toFixed(2)} (${goalText}) ${pass ? "ok" : "MISSED"}`);
}

async function deploymentCursor(databaseUrl: string, rowsBefore: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ startedAt: Date; id: string }>(`select "startedAt", id from "Deployment" order by "startedAt" desc, id desc offset $1 limit 1`, [rowsBefore - 1]);
    const row = r.rows[0];
    if (!row) return null;
    try {
      const { encodeCursor } = await import("../lib/data/deployments/cursor");
      return encodeCursor({ startedAt: row.startedAt, id: row.id });
    } catch {
      return null;
    }
  } finally {
    await client.end();
  }
}

async function httpMeasurements(db: BenchDatabases, large: Server, small: Server, baseline: Server) {
  const platformLarge = await userIdByEmail(db.largeUrl, "platform@example.com");
  const platformSmall = await userIdByEmail(db.smallUrl, "platform@example.com");
  const cookieLarge = { cookie: await sessionCookie(platformLarge) };
  const cookieSmall = { cookie: await sessionCookie(platformSmall) };
  const none = {};

  await pairHttp(
    "overview",
    { text: "rps ≥ 0.3× bare page, p95 ≤ 3×", metric: "rps", min: 0.3, p95Max: 3 },
    { label: "overview / (large dataset)", url: `${large.base}/`, headers: cookieLarge },
    { label: "bare dynamic Next.js page", url: `${baseline.base}/`, headers: none },
    8,
  );

  // What the portal's layout alone costs (sign-in, navigation, the waiting-on badge; a
  // header and no data, served only under the bench: PARITY_BENCH_PAGES=1): the floor under
  // every portal page, and the config page's baseline below.
  const layoutUrl = `${large.base}/bench/bare`;
  await pairHttp(
    "layout",
    { text: "informative: the portal's layout, no data", metric: "rps", informative: true },
    { label: "/bench/bare (layout, no data)", url: layoutUrl, headers: cookieLarge },
    { label: "bare dynamic Next.js page", url: `${baseline.base}/`, headers: none },
    8,
  );

  // Page 10,000 of the history (50 a page) vs page 1: keyset cursors.
  const PAGE = 50;
  const cursor = await deploymentCursor(db.largeUrl, PAGE * 9_999);
  if (want("history")) {
    if (!cursor) skip("history", "p50 ≤ 1.3× page 1", "n/a (no cursor encoder in lib/data/deployments/cursor.ts)");
    else {
      await pairHttp(
        "history",
        { text: "p50 ≤ 1.3× page 1", metric: "p50", max: 1.3 },
        { label: "/deployments page 10,000", url: `${large.base}/deployments?cursor=${cursor}`, headers: cookieLarge },
        { label: "/deployments page 1", url: `${large.base}/deployments`, headers: cookieLarge },
        4,
      );
      const token = await createApiToken(db.largeUrl, "bench", platformLarge);
      const bearer = { authorization: `Bearer ${token}` };
      await pairHttp(
        "history-api",
        { text: "p50 ≤ 1.3× page 1", metric: "p50", max: 1.3 },
        { label: "GET /api/v1/deployments page 10,000", url: `${large.base}/api/v1/deployments?limit=${PAGE}&cursor=${cursor}`, headers: bearer },
        { label: "GET /api/v1/deployments page 1", url: `${large.base}/api/v1/deployments?limit=${PAGE}`, headers: bearer },
        4,
      );
    }
  }

  await pairHttp(
    "secrets",
    { text: "p50 ≤ 1.5× with 50 secrets", metric: "p50", max: 1.5 },
    { label: "/secrets, 5,000 secrets", url: `${large.base}/secrets`, headers: cookieLarge },
    { label: `/secrets, ${SMALL_SECRETS} secrets`, url: `${small.base}/secrets`, headers: cookieSmall },
    4,
  );

  await pairHttp(
    "compare",
    { text: "p50 ≤ 20× one service", metric: "p50", max: 20 },
    { label: "/compare staging→production, all 212 services", url: `${large.base}/compare?from=staging&to=production`, headers: cookieLarge },
    { label: "/compare staging→production, 1 service", url: `${large.base}/compare?from=staging&to=production&service=svc-001`, headers: cookieLarge },
    2,
  );

  // One service's effective config in one environment (500 keys, its layers, findings,
  // the layer's history) vs, as #4 sets the goal, a bare page of the same layout; and,
  // informative, vs the bare dynamic Next.js page. One request first: the portal's
  // findings cache is filled once per process (seconds on this dataset), which would
  // otherwise count as a slow page when run without the overview.
  const configUrl = `${large.base}/environments/production/services/svc-001`;
  if (want("config") || want("config-bare")) await probe(configUrl, cookieLarge).catch(() => null);
  const configPage = { label: "/environments/production/services/svc-001 (500 keys)", url: configUrl, headers: cookieLarge };
  await pairHttp("config", { text: "p50 ≤ 2× bare page of the same layout", metric: "p50", max: 2 }, configPage, { label: "/bench/bare (layout, no data)", url: layoutUrl, headers: cookieLarge }, 4);
  await pairHttp("config-bare", { text: "informative: vs the bare Next.js page", metric: "p50", informative: true }, configPage, { label: "bare dynamic Next.js page", url: `${baseline.base}/`, headers: none }, 4);

  if (want("deploy-api")) {
    const goal = "0 errors, 0 duplicates (ratio: rps vs plain INSERT, informative)";
    await settle(large.base);
    const token = await createApiToken(db.largeUrl, "bench-ci", null);
    const r = await deployApiVsPlain({ base: large.base, databaseUrl: db.largeUrl, token, connections: 20, durationS: DURATION, warmupS: WARMUP, log });
    if ("skip" in r) skip("deploy-api", goal, r.skip);
    else {
      const pass = r.errors === 0 && r.duplicates === 0 && r.missing === 0 && r.resentCreated === 0 && r.acknowledged > 0;
      const { api, plain, ...checks } = r;
      rows.push({
        name: "deploy-api",
        goal,
        ratio: api.opsPerS / plain.opsPerS,
        pass,
        subject: side(api.label, api),
        baseline: side(plain.label, plain),
        extra: checks,
        ...(pass ? {} : { note: `${r.errors} errors, ${r.duplicates} duplicates, ${r.missing} missing, ${r.resentCreated} created by a second POST` }),
      });
      log(
        `deploy-api: ${api.opsPerS.toFixed(1)} rps, p50 ${api.p50.toFixed(0)} ms, p95 ${api.p95.toFixed(0)} ms; ${r.acknowledged} acknowledged, ${r.cutOff} cut off by the end (${r.cutOffAlreadyStored} already stored, retried), ` +
          `${r.errors} errors, ${r.duplicates} duplicates, ${r.missing} missing; second POST of ${r.resent} ids created ${r.resentCreated} ${pass ? "ok" : "MISSED"}`,
      );
    }
  }
}

async function inprocMeasurements(db: BenchDatabases) {
  prepareDal(db.largeUrl, 10);
  try {
    if (want("sync")) {
      const goal = "re-sync ≤ 0.25× first, 0 GetSecretValue";
      const r = await syncFirstVsResync({ db, secrets: 5_000, log });
      if ("skip" in r) skip("sync", goal, r.skip);
      else {
        // "rps" here is secrets per second; p50 = p95 = the whole run's time (one run each).
        const asSide = (label: string, s: typeof r.first): Side => ({ label, rps: s.listed / (s.ms / 1000), p50: s.ms, p95: s.ms, errors: s.status === "succeeded" ? 0 : 1, requests: s.listed, concurrency: 1 });
        const ratio = r.second.ms / r.first.ms;
        const ok = r.first.status === "succeeded" && r.second.status === "succeeded" && r.first.listed === r.secrets && r.second.added + r.second.updated + r.second.removed === 0;
        const pass = ok && ratio <= 0.25 && r.valueCalls === 0;
        rows.push({
          name: "sync",
          goal,
          ratio,
          pass,
          subject: asSide(`unchanged re-sync of ${r.secrets} secrets`, r.second),
          baseline: asSide(`first sync of ${r.secrets} secrets`, r.first),
          extra: {
            firstS: r.first.ms / 1000,
            resyncS: r.second.ms / 1000,
            first: { added: r.first.added, updated: r.first.updated, unmapped: r.first.unmapped, phases: r.first.phases, calls: r.firstCalls, error: r.first.error },
            resync: { added: r.second.added, updated: r.second.updated, removed: r.second.removed, phases: r.second.phases, calls: r.secondCalls, error: r.second.error },
            getSecretValueCalls: r.valueCalls,
            database: r.database,
          },
          ...(pass ? {} : { note: !ok ? `a run failed or the re-sync changed rows (${r.first.error ?? r.second.error ?? "see JSON"})` : r.valueCalls ? `${r.valueCalls} value reads` : undefined }),
        });
        log(
          `sync: first ${(r.first.ms / 1000).toFixed(1)} s (describe ${r.firstCalls.DescribeSecret ?? 0}), re-sync ${(r.second.ms / 1000).toFixed(1)} s (describe ${r.secondCalls.DescribeSecret ?? 0}), ` +
            `ratio ${ratio.toFixed(2)}, GetSecretValue calls ${r.valueCalls} ${pass ? "ok" : "MISSED"}`,
        );
      }
    }
    if (want("dal")) {
      log(`dal: measuring listDeployments vs raw pg (${DURATION} s each, 10 workers)`);
      const r = await dalVsRawPg(db.largeUrl, { concurrency: 10, durationS: DURATION });
      if ("skip" in r) skip("dal", "≥ 0.6× raw pg", r.skip);
      else {
        pairThroughput("dal", "≥ 0.6× raw pg", 0.6, r.dal, r.raw, { sql: r.sql.slice(0, 400) });
        const ratio = r.miss.opsPerS / r.raw.opsPerS;
        rows.push({ name: "dal-miss", goal: "informative: the DAL's uncached path", ratio, pass: null, note: "informative", subject: side(r.miss.label, r.miss), baseline: side(r.raw.label, r.raw), extra: {} });
        log(`dal-miss: ratio ${ratio.toFixed(2)} (informative)`);
      }
    }
    if (want("approvers")) {
      log(`approvers: measuring 20 concurrent approvers vs plain inserts (${DURATION} s each)`);
      const r = await approversVsPlain({ concurrency: 20, durationS: DURATION, promotions: QUICK ? 400 : 2000 });
      if ("skip" in r) skip("approvers", "≥ 0.5× plain inserts", r.skip);
      else pairThroughput("approvers", "≥ 0.5× plain inserts", 0.5, r.chained, r.plain, { doubleDecisions: r.doubleDecisions }, r.doubleDecisions > 0);
    }
    if (want("audit")) {
      log(`audit: measuring chained vs plain audit inserts (${DURATION} s each, 20 writers)`);
      const r = await auditChainedVsPlain({ concurrency: 20, durationS: DURATION });
      if ("skip" in r) skip("audit", "≥ 0.8× plain inserts", r.skip);
      else pairThroughput("audit", "≥ 0.8× plain inserts", 0.8, r.chained, r.plain, { chainValidAfter: r.chainOk, sealed: r.sealed, sealedPerS: Math.round(r.sealPerS) }, r.chainOk === false || r.sealPerS < r.chained.opsPerS);
    }
  } finally {
    await closeDal();
  }
}

const f0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "-" : n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function formatTable(list: Row[]): string {
  const head = ["measurement", "subject rps", "p50 ms", "p95 ms", "baseline rps", "p50 ms", "p95 ms", "ratio", "goal", "ok"];
  const body = list.map((r) => [
    r.name,
    f0(r.subject?.rps),
    f0(r.subject?.p50),
    f0(r.subject?.p95),
    f0(r.baseline?.rps),
    f0(r.baseline?.p50),
    f0(r.baseline?.p95),
    r.ratio === null ? "-" : `${r.ratio.toFixed(2)}×`,
    r.goal,
    r.pass === null ? (r.note ?? "n/a") : r.pass ? "yes" : r.note ? `NO: ${r.note}` : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

function machine() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), load1: os.loadavg()[0], node: process.version, platform: `${os.platform()} ${os.release()}` };
}

async function main() {
  installExitHandlers();
  const t0 = Date.now();
  const mode = flag("load") ? "load" : flag("fault") ? "fault" : "bench";
  const db = await openBenchDatabases({ fresh: flag("fresh"), log });
  onCleanup(() => db.stop());
  let build: { ms: number; mode: string } | null = null;
  if (!flag("skip-build")) build = await buildPortal(log, flag("full-build") ? "default" : "compile");

  if (mode === "load") {
    const { runLoad } = await import("../tests/load/browse");
    const ok = await runLoad({ db, port: PORTS.large, log, durationS: Number(option("duration") ?? 60), users: Number(option("users") ?? 200), dataset: option("dataset") === "small" ? "small" : "large", workers: Number(option("workers") ?? os.cpus().length) });
    await stopAll();
    process.exit(ok ? 0 : 1);
  }
  if (mode === "fault") {
    const { runFaults } = await import("../tests/fault/run");
    const ok = await runFaults({ db, port: PORTS.fault, log, quick: QUICK });
    await stopAll();
    process.exit(ok ? 0 : 1);
  }

  await buildBaseline(log);
  if (flag("serve")) {
    // For investigating: the three servers, until Ctrl-C (or --serve-for=seconds).
    const servers = await Promise.all([startPortal("portal-large", PORTS.large, db.largeUrl), startPortal("portal-small", PORTS.small, db.smallUrl), startBaseline(PORTS.baseline)]);
    const platform = await userIdByEmail(db.largeUrl, "platform@example.com");
    log(`bench: serving ${servers.map((s) => s.base).join(", ")}; cookie for platform@example.com (large): ${await sessionCookie(platform)}`);
    await new Promise((r) => setTimeout(r, Number(option("serve-for") ?? 3600) * 1000));
    await stopAll();
    process.exit(0);
  }
  if (HTTP_MEASUREMENTS.some(want)) {
    const [large, small, baseline] = await Promise.all([
      startPortal("portal-large", PORTS.large, db.largeUrl),
      startPortal("portal-small", PORTS.small, db.smallUrl),
      startBaseline(PORTS.baseline),
    ]);
    log(`bench: servers up (portal large ${large.base}, small ${small.base}, baseline ${baseline.base})`);
    await httpMeasurements(db, large, small, baseline);
    await Promise.all([large.stop(), small.stop(), baseline.stop()]);
  }
  await inprocMeasurements(db);

  const table = formatTable(rows);
  console.log(`\n${table}\n`);
  const out = {
    when: new Date().toISOString(),
    durationPerMeasurementS: DURATION,
    totalS: Math.round((Date.now() - t0) / 1000),
    build: build ? { s: Math.round(build.ms / 1000), mode: build.mode } : "reused (--skip-build)",
    machine: machine(),
    dataset: { largeSeed: db.largeSeed, note: "large: demo seed + seedLarge (1M deployments, 5,000 secrets, 200×500 config keys, 100k audit events, 300 users); small: demo seed" },
    results: rows,
    table,
  };
  mkdirSync(path.resolve("bench-results"), { recursive: true });
  writeFileSync(path.resolve("bench-results/latest.json"), JSON.stringify(out, null, 2));
  log(`bench: wrote bench-results/latest.json (${out.totalS} s in all)`);
  await stopAll();
  const missed = rows.filter((r) => r.pass === false).length;
  process.exit(missed ? 2 : 0);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
