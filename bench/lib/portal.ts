// Builds the portal in production mode into .next-bench and starts `next start`
// instances on loopback; builds (once) and starts the bare baseline app.
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { runToEnd, startChild, stopChild } from "./procs";
import { waitForHttp } from "./http";
import { BENCH_SECRET } from "./auth";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const CLUSTER = path.resolve("scripts/portal-cluster.mjs");
export const BENCH_DIST = ".next-bench";
const BASELINE_DIR = path.resolve("bench/baseline-app");
const BASELINE_DIST = path.resolve(".next-baseline");

type Env = Record<string, string | undefined>;

function buildEnv(extra: Env = {}): NodeJS.ProcessEnv {
  const env: Env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: BENCH_DIST, ...extra, NODE_ENV: "production" };
  delete env.AUTH_DEV_LOGIN;
  return env as NodeJS.ProcessEnv;
}

/**
 * `next build` into .next-bench, in Next's compile mode by default: the same optimised
 * production server bundle, without the whole-repository type check (that is
 * `npm run typecheck`'s job, and takes minutes on a small machine) and without
 * prerendering the few static pages. `--full-build` runs the default mode, falling back
 * to compile mode when only the type check fails.
 */
export async function buildPortal(log: (l: string) => void, wanted: "default" | "compile" = "compile"): Promise<{ ms: number; mode: "default" | "compile" }> {
  const t0 = Date.now();
  log(`bench: next build (production, ${wanted} mode, .next-bench) …`);
  let mode = wanted;
  const compile = () => runToEnd("next-build", process.execPath, [NEXT_BIN, "build", "--experimental-build-mode=compile"], buildEnv());
  if (wanted === "compile") await compile();
  else {
    try {
      await runToEnd("next-build", process.execPath, [NEXT_BIN, "build"], buildEnv());
    } catch (error) {
      if (!/Failed to type check|Type error/.test((error as Error).message)) throw error;
      log("bench: the type check failed (see the build log); building again in compile mode");
      mode = "compile";
      await compile();
    }
  }
  const ms = Date.now() - t0;
  log(`bench: built in ${(ms / 1000).toFixed(0)} s (${mode} mode)`);
  return { ms, mode };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function buildBaseline(log: (l: string) => void): Promise<void> {
  const id = path.join(BASELINE_DIST, "BUILD_ID");
  if (existsSync(id) && statSync(id).mtimeMs > newestMtime(BASELINE_DIR)) return;
  log("bench: building the bare baseline app …");
  await runToEnd("baseline-build", process.execPath, [NEXT_BIN, "build", BASELINE_DIR], { ...buildEnv(), NEXT_DIST_DIR: undefined });
}

export interface Server {
  name: string;
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startPortal(name: string, port: number, databaseUrl: string, extraEnv: Env = {}): Promise<Server> {
  if (!existsSync(path.join(BENCH_DIST, "BUILD_ID"))) throw new Error("bench: no production build in .next-bench (run without --skip-build)");
  const base = `http://127.0.0.1:${port}`;
  const child = startChild(
    name,
    process.execPath,
    // PORTAL_WORKERS=<n> in extraEnv: n workers sharing the port (scripts/portal-cluster.mjs).
    Number(extraEnv.PORTAL_WORKERS ?? 1) > 1 ? [CLUSTER, "--port", String(port), "--hostname", "127.0.0.1"] : [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    buildEnv({ DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: BENCH_SECRET, NEXTAUTH_URL: base, LOG_LEVEL: "warn", DATABASE_POOL_MAX: "20", PORT: String(port), PARITY_BENCH_PAGES: "1", ...extraEnv }),
  );
  let dead = false;
  child.once("exit", () => (dead = true));
  try {
    await waitForHttp(`${base}/api/health`, 90_000, () => dead);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message} (log: bench-results/logs/${name}.log)`);
  }
  return { name, base, child, stop: () => stopChild(child) };
}

export async function startBaseline(port: number): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const child = startChild("baseline", process.execPath, [NEXT_BIN, "start", BASELINE_DIR, "--port", String(port), "--hostname", "127.0.0.1"], {
    ...buildEnv(),
    NEXT_DIST_DIR: undefined,
  });
  let dead = false;
  child.once("exit", () => (dead = true));
  try {
    await waitForHttp(`${base}/`, 60_000, () => dead);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { name: "baseline", base, child, stop: () => stopChild(child) };
}
