// `next start` in several worker processes sharing one port (Node's cluster module).
// A Node.js process renders pages on one core; on a machine with several cores, run one
// worker per core: PORTAL_WORKERS=<n> (default 1: plain `next start`, no cluster).
// Arguments after the script are `next start`'s (e.g. --port 3000 --hostname 0.0.0.0).
// Background work (audit sealer, notification sender, secret sync schedule) runs in each
// worker; it is safe to run several times (advisory lock, SKIP LOCKED, pg-boss).
import cluster from "node:cluster";
import { createRequire } from "node:module";

const workers = Math.max(1, Math.floor(Number(process.env.PORTAL_WORKERS) || 1));

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`portal: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} else {
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  process.argv = [process.argv[0], next, "start", ...process.argv.slice(2)];
  await import(next);
}
