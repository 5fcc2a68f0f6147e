// Gives this test file a fresh database cloned from the seeded template and points
// DATABASE_URL (and so lib/db) at it before any test module is imported.
import { inject } from "vitest";
import pg from "pg";

const adminUrl = inject("adminUrl");
const template = inject("templateDb");
const name = `parity_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${name}" template "${template}"`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
(globalThis as { __testDbName?: string }).__testDbName = name;
