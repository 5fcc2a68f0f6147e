// Load test (`npm run bench -- --load`): N signed-in users (default 200, of every role,
// from the large dataset) browse the production build at once for D seconds (default
// 60), each walking through the pages their role may open, as fast as the portal
// answers. Passes with 0 errors: every response 200, no timeouts, no socket errors.
// Loopback only; the portal and Postgres are stopped at the end.
import http from "node:http";
import pg from "pg";
import type { BenchDatabases } from "../../bench/lib/databases";
import { startPortal } from "../../bench/lib/portal";
import { sessionCookie } from "../../bench/lib/auth";

export const BROWSE_ROUTES = [
  "/",
  "/environments/development",
  "/environments/staging",
  "/environments/production",
  "/deployments",
  "/deployments?environment=production",
  "/secrets",
  "/secrets?environment=staging",
  "/compare?from=staging&to=production",
  "/promotions",
  "/insights",
  "/audit",
  "/access",
  "/settings",
  "/api/health",
  "/api/v1/environments",
];

interface User {
  email: string;
  role: string;
  cookie: string;
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function loadUsers(url: string, n: number): Promise<User[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ id: string; email: string; role: string }>(
      `select u.id, u.email, min(r.role::text) as role from "User" u join "UserRole" r on r."userId" = u.id
       where u.active group by u.id, u.email order by (u.email like '%@example.com') desc, u.email limit $1`,
      [n],
    );
    return Promise.all(r.rows.map(async (u) => ({ email: u.email, role: u.role, cookie: await sessionCookie(u.id) })));
  } finally {
    await client.end();
  }
}

/**
 * Warm-up, as a portal that has been running has: every role's routes once per worker
 * (concurrent requests open separate connections, which the cluster spreads over the
 * workers). Caches that are per process (findings, compare, insights) are computed then,
 * not by the first of 200 users. Not measured; a failure here is reported by the walk.
 */
async function warmUp(base: string, users: User[], routes: Map<string, string[]>, workers: number, log: (l: string) => void) {
  const t0 = Date.now();
  for (const [role, list] of routes) {
    const u = users.find((x) => x.role === role)!;
    for (const route of list) {
      await Promise.all(
        Array.from({ length: workers * 2 }, () =>
          fetch(base + route, { headers: { cookie: u.cookie }, redirect: "manual", signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer()).catch(() => {}),
        ),
      );
    }
  }
  log(`load: warmed up every role's routes on ${workers} worker${workers === 1 ? "" : "s"} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** The routes each role may open (a 404 for a role means "not yours": that is correct, not an error). */
async function routesByRole(base: string, users: User[], log: (l: string) => void, broken: string[]): Promise<Map<string, string[]>> {
  const byRole = new Map<string, string[]>();
  for (const role of [...new Set(users.map((u) => u.role))]) {
    const u = users.find((x) => x.role === role)!;
    const ok: string[] = [];
    for (const route of BROWSE_ROUTES) {
      const res = await fetch(base + route, { headers: { cookie: u.cookie }, redirect: "manual", signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (res.status === 200) ok.push(route);
      else if (res.status >= 500) {
        // A bug, not load: excluded from the walk, counted as an error.
        broken.push(`${res.status} ${route} (${role}) before any load`);
        log(`load: ${route} answers ${res.status} for ${role} before any load (excluded, counted as an error)`);
      }
    }
    byRole.set(role, ok);
    log(`load: ${role} browses ${ok.length} routes`);
  }
  return byRole;
}

export async function runLoad(o: { db: BenchDatabases; port: number; log: (l: string) => void; durationS: number; users: number; dataset?: "large" | "small"; workers?: number }): Promise<boolean> {
  const { log } = o;
  const url = o.dataset === "small" ? o.db.smallUrl : o.db.largeUrl;
  // The pool is sized for the concurrency, as an operator would for this many users, and
  // the portal runs one worker per core (a Node.js process renders on one core), as a
  // production deployment would: PORTAL_WORKERS (--workers=1 for a single process).
  const workers = o.workers ?? 1;
  const portal = await startPortal("portal-load", o.port, url, { DATABASE_POOL_MAX: String(Math.ceil(40 / workers)), PORTAL_WORKERS: String(workers) });
  log(`load: portal with ${workers} worker${workers === 1 ? "" : "s"}`);
  try {
    // The small (demo) dataset has 7 people: sessions repeat them, one session per user slot.
    const people = await loadUsers(url, o.users);
    const users = Array.from({ length: o.users }, (_, i) => people[i % people.length]);
    log(`load: ${o.dataset ?? "large"} dataset, ${people.length} distinct people`);
    const broken: string[] = [];
    const routes = await routesByRole(portal.base, people, log, broken);
    await warmUp(portal.base, people, routes, workers, log);
    log(`load: ${users.length} users browsing ${portal.base} for ${o.durationS} s`);
    const times: number[] = [];
    const perRoute = new Map<string, { n: number; ms: number }>();
    const errors: string[] = [...broken];
    let resent = 0;
    const until = Date.now() + o.durationS * 1000;
    await Promise.all(
      users.map(async (u, i) => {
        const mine = routes.get(u.role) ?? ["/"];
        for (let k = i; Date.now() < until; k++) {
          const route = mine[k % mine.length];
          const t = performance.now();
          try {
            const res = await getOnce(portal.base + route, u.cookie).catch((error: unknown) => {
              // A keep-alive connection the server closed as the request went out: a browser
              // sends an idempotent GET again on a new connection (RFC 9112 §9.3.1); so do we,
              // once, on a connection of its own (the pool's next idle one may be as stale).
              if (!isSocketClosed(error)) throw error;
              resent++;
              return getOnNewConnection(portal.base + route, u.cookie);
            });
            if (res.status !== 200) errors.push(`${res.status} ${route} (${u.role})`);
          } catch (error) {
            const code = (error as { cause?: { code?: string } }).cause?.code;
            errors.push(`${(error as Error).name}${code ? ` ${code}` : ""} ${route} (${u.role})`);
            continue;
          }
          const ms = performance.now() - t;
          times.push(ms);
          const s = perRoute.get(route) ?? { n: 0, ms: 0 };
          perRoute.set(route, { n: s.n + 1, ms: s.ms + ms });
        }
      }),
    );
    times.sort((a, b) => a - b);
    log(`load: ${times.length} responses in ${o.durationS} s (${(times.length / o.durationS).toFixed(1)} rps), p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, errors ${errors.length}, sent again after a closed keep-alive connection ${resent}`);
    for (const [route, s] of [...perRoute].sort((a, b) => b[1].ms / b[1].n - a[1].ms / a[1].n)) log(`load:   ${route.padEnd(40)} ${String(s.n).padStart(6)} × avg ${(s.ms / s.n).toFixed(0)} ms`);
    if (errors.length) {
      const counts = new Map<string, number>();
      for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
      for (const [e, n] of [...counts].slice(0, 15)) log(`load:   error ${n} × ${e}`);
    }
    log(errors.length === 0 ? "load: PASS (0 errors)" : `load: FAIL (${errors.length} errors)`);
    return errors.length === 0;
  } finally {
    await portal.stop();
  }
}

async function getOnce(url: string, cookie: string): Promise<{ status: number }> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  return res;
}

/** The same GET on a connection opened for it alone (no pool, closed after the answer). */
function getOnNewConnection(url: string, cookie: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    // 60 s for the whole answer, as the first attempt (an idle timeout would let a slowly streamed one run on).
    const req = http.get(url, { agent: false, headers: { cookie }, signal: AbortSignal.timeout(60_000) }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", (error) => reject(Object.assign(new TypeError(error.message), { cause: error })));
  });
}

/** undici's error when the server closed the connection before answering (not a timeout, not an HTTP error). */
function isSocketClosed(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return error instanceof TypeError && (code === "UND_ERR_SOCKET" || code === "ECONNRESET");
}
