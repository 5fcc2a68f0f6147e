// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL between the schema as of the last migration (schema.snapshot.prisma)
// and prisma/schema.prisma, then updates the snapshot. Needs a database to talk to
// (the engine connects at once), so it starts an embedded one when DATABASE_URL is unset.
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { datamodel, diffSql } from "./schema-engine";
import { startEmbeddedPostgres } from "./embedded";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const dir = path.resolve("prisma/migrations");
const snapshotPath = path.join(dir, "schema.snapshot.prisma");
const schemaPath = path.resolve("prisma/schema.prisma");

async function main() {
  const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: ".data/migration-pg", fresh: true, quiet: true });
  const url = process.env.DATABASE_URL ?? pg!.url("postgres");
  try {
    const from = existsSync(snapshotPath) ? datamodel(snapshotPath, readFileSync(snapshotPath, "utf8")) : ({ tag: "empty" } as const);
    const sql = await diffSql(url, from, datamodel(schemaPath, readFileSync(schemaPath, "utf8")));
    if (!sql.trim()) {
      console.log("schema.prisma matches the last migration: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = path.join(dir, `${stamp}_${name}`);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "migration.sql"), sql);
    if (!existsSync(path.join(dir, "migration_lock.toml"))) writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    copyFileSync(schemaPath, snapshotPath);
    console.log(`wrote ${path.relative(process.cwd(), target)}/migration.sql`);
  } finally {
    await pg?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
