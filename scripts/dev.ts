// `npm run dev`: embedded Postgres (unless DATABASE_URL is set), migrations, demo
// data, then `next dev` on http://localhost:3000. Ctrl-C stops both cleanly.
import { spawn } from "node:child_process";
import { openDatabase, prismaFor } from "./lib/database";
import { seed } from "../prisma/seed";

async function main() {
  const t0 = Date.now();
  const mode = process.argv[2] === "start" ? "start" : "dev";
  const database = await openDatabase({ publish: true });
  if (mode === "dev" || process.env.SEED_DEMO === "true") {
    const prisma = prismaFor(database.url);
    await seed(prisma, { log: console.log });
    await prisma.$disconnect();
  }
  console.log(`database ready in ${Date.now() - t0} ms; starting next ${mode}`);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(mode === "dev" && process.env.AUTH_DEV_LOGIN === undefined ? { AUTH_DEV_LOGIN: "true" } : {}),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`,
  };
  // `start` with PORTAL_WORKERS=<n>: n `next start` workers sharing the port (scripts/portal-cluster.mjs).
  const entry = mode === "start" ? [require.resolve("./portal-cluster.mjs")] : [require.resolve("next/dist/bin/next"), mode];
  const child = spawn(process.execPath, [...entry, "--port", process.env.PORT ?? "3000"], { env, stdio: "inherit" });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
