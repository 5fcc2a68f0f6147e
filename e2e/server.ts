// The portal as the end-to-end tests see it: a fresh embedded Postgres with the demo
// data, and `next dev` (so the development sign-in exists) on port 3100.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "../scripts/db/embedded";
import { migrate } from "../scripts/db/migrate";
import { prismaFor } from "../scripts/lib/database";
import { seed } from "../prisma/seed";
import { startOidcProvider } from "./oidc-provider";
import { tokenRows } from "./fixtures/tokens";
import { fakeAwsEnv, serverLogPath } from "./fixtures/fake-aws";
import { createWriteStream, writeFileSync } from "node:fs";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(`.data/e2e-pg-${port}`), fresh: true, quiet: true });
  await server.createDatabase("parity_e2e");
  const url = server.url("parity_e2e");
  await migrate(url);
  const prisma = prismaFor(url);
  await seed(prisma);
  const users = await prisma.user.findMany({ select: { id: true, email: true } });
  await prisma.apiToken.createMany({ data: tokenRows(new Map(users.map((u) => [u.email, u.id]))), skipDuplicates: true });
  await prisma.$disconnect();
  writeFileSync(path.resolve(`.data/e2e-database-url-${port}`), url);
  const oidc = await startOidcProvider(Number(port) + 100, `http://localhost:${port}`);
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", "--port", port], {
    env: { ...process.env, DATABASE_URL: url, AUTH_DEV_LOGIN: "true", NEXT_DIST_DIR: `.next-e2e-${port}`, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://localhost:${port}`,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: "parity-e2e",
      OIDC_CLIENT_SECRET: "parity-e2e-client-secret",
      OIDC_NAME: "Test SSO", LOG_LEVEL: "info",
      // AWS Secrets Manager is a local fake (only the secret-canary spec runs one).
      ...fakeAwsEnv(Number(port)) },
    stdio: ["inherit", "pipe", "pipe"],
  });
  // Everything the server prints also goes to a file the secret-canary spec scans.
  const logFile = createWriteStream(path.resolve(serverLogPath(Number(port))), { flags: "w" });
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    logFile.write(chunk);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    logFile.write(chunk);
  });
  const stop = async () => {
    child.kill("SIGTERM");
    oidc.stop();
    await server.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
