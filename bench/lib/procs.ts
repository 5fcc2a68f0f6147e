// Child processes the bench starts (next build / next start): each in its own process
// group so stopping it also stops what it spawned; all stopped on exit, error or Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

const running = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

export function onCleanup(fn: () => Promise<void>) {
  cleanups.push(fn);
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c)));
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
}

let installed = false;
export function installExitHandlers() {
  if (installed) return;
  installed = true;
  const bail = (code: number) => () => {
    void stopAll().finally(() => process.exit(code));
  };
  process.on("SIGINT", bail(130));
  process.on("SIGTERM", bail(143));
  process.on("exit", () => {
    for (const c of running) killGroup(c, "SIGKILL");
  });
}

/** Starts a long-running child, output to bench-results/logs/<name>.log. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): ChildProcess {
  const logDir = path.resolve("bench-results/logs");
  mkdirSync(logDir, { recursive: true });
  const out = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Runs a command to completion; rejects with the tail of its output on failure. */
export function runToEnd(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChild(name, command, args, env, cwd);
    let tail = "";
    const keep = (b: Buffer) => {
      tail = (tail + b.toString()).slice(-4000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code}); log: bench-results/logs/${name}.log\n${tail}`))));
  });
}
