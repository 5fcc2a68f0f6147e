// schema.prisma and the committed migrations must agree: the migrations applied to a
// fresh database must produce exactly the catalog that schema.prisma describes.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject, describe, expect, it } from "vitest";
import { datamodel, diffSql } from "../scripts/db/schema-engine";
import { migrate } from "../scripts/db/migrate";

const adminUrl = inject("adminUrl");
const schemaPath = path.resolve("prisma/schema.prisma");
const snapshotPath = path.resolve("prisma/migrations/schema.snapshot.prisma");

function urlFor(db: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

async function freshDb(name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists "${name}"`);
  await c.query(`create database "${name}"`);
  await c.end();
  return urlFor(name);
}

const CATALOG_SQL = `
select 'column' kind, table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') item
  from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
union all
select 'index', indexname || ' ' || regexp_replace(indexdef, ' ON public\\.', ' ON ') from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'
union all
select 'constraint', conrelid::regclass::text || ' ' || conname || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)
  from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text not in ('_prisma_migrations', '"_prisma_migrations"')
   and contype <> 't' -- constraint triggers (the data-state counters), like other triggers, are not schema.prisma's
union all
select 'enum', t.typname || '=' || e.enumlabel || '@' || e.enumsortorder from pg_type t join pg_enum e on e.enumtypid = t.oid
order by 1, 2`;

async function catalog(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows = (await c.query<{ kind: string; item: string }>(CATALOG_SQL)).rows.map((r) => `${r.kind}: ${r.item}`);
  await c.end();
  return rows;
}

describe("migrations match schema.prisma", () => {
  it("the snapshot of the last migration equals schema.prisma (run `npm run db:migration -- <name>`)", async () => {
    const sql = await diffSql(adminUrl, datamodel(snapshotPath, readFileSync(snapshotPath, "utf8")), datamodel(schemaPath, readFileSync(schemaPath, "utf8")));
    expect(sql.trim(), "schema.prisma changed without a migration").toBe("");
  });

  it("applying the committed migrations yields the catalog schema.prisma describes", async () => {
    const viaMigrations = await freshDb("parity_check_migrations");
    await migrate(viaMigrations);
    const viaSchema = await freshDb("parity_check_schema");
    const sql = await diffSql(adminUrl, { tag: "empty" }, datamodel(schemaPath, readFileSync(schemaPath, "utf8")));
    const c = new pg.Client({ connectionString: viaSchema });
    await c.connect();
    await c.query(sql);
    await c.end();
    const [a, b] = [await catalog(viaMigrations), await catalog(viaSchema)];
    expect(a.length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  });

  it("re-running the migrator applies nothing", async () => {
    const url = await freshDb("parity_check_rerun");
    expect((await migrate(url)).length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual([]);
  });
});
