// One embedded Postgres per test run, with a migrated and seeded template database.
// Each test file gets its own copy (see per-file-database.ts), so files can run in
// parallel and a test that tampers with data harms nobody else.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { migrate } from "../../scripts/db/migrate";
import { prismaFor } from "../../scripts/lib/database";
import { seed } from "../../prisma/seed";

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(`.data/test-pg-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, fresh: true, quiet: true });
  await server.createDatabase("parity_template");
  const url = server.url("parity_template");
  await migrate(url);
  const prisma = prismaFor(url);
  await seed(prisma);
  await prisma.$disconnect();
  project.provide("adminUrl", server.url("postgres"));
  project.provide("templateDb", "parity_template");
  return async () => {
    await server.stop();
    const { rmSync } = await import("node:fs");
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}
