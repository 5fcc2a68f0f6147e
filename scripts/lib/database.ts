// Finds or starts the database every command uses:
// DATABASE_URL when set (start nothing), else the embedded Postgres the running
// dev server published in .data/database-url, else a new embedded one in .data/pg.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { startEmbeddedPostgres } from "../db/embedded";
import { migrate } from "../db/migrate";

const DATA = path.resolve(".data");
const URL_FILE = path.join(DATA, "database-url");

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(options: { port?: number; publish?: boolean; log?: (line: string) => void } = {}): Promise<Database> {
  const log = options.log ?? ((l: string) => console.log(l));
  if (process.env.DATABASE_URL) {
    await migrate(process.env.DATABASE_URL, log);
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  if (existsSync(URL_FILE)) {
    const url = readFileSync(URL_FILE, "utf8").trim();
    if (await reachable(url)) {
      await migrate(url, log);
      return { url, embedded: false, stop: async () => {} };
    }
    rmSync(URL_FILE, { force: true });
  }
  mkdirSync(DATA, { recursive: true });
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA, "pg"), port: options.port ?? 54329, quiet: true });
  await server.createDatabase("parity");
  const url = server.url("parity");
  log(`embedded Postgres ready in ${Date.now() - started} ms (${url.replace(/:[^:@/]+@/, ":***@")})`);
  await migrate(url, log);
  if (options.publish) writeFileSync(URL_FILE, url);
  return {
    url,
    embedded: true,
    async stop() {
      if (options.publish) rmSync(URL_FILE, { force: true });
      await server.stop();
    },
  };
}

export function prismaFor(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}
