import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// Health has its own single connection, outside the application's pool: under heavy load
// the pool may be saturated (requests queue for a connection), which is not an outage,
// and a probe must not report one. It answers 503 only when Postgres itself does not answer.
const TIMEOUT_MS = 5_000;
const g = globalThis as unknown as { __parityHealthPool?: pg.Pool };

function pool(): pg.Pool {
  if (!g.__parityHealthPool) {
    g.__parityHealthPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1, connectionTimeoutMillis: TIMEOUT_MS, idleTimeoutMillis: 60_000, query_timeout: TIMEOUT_MS });
    // A dropped idle connection (Postgres restarted) is replaced on the next probe.
    g.__parityHealthPool.on("error", () => {});
  }
  return g.__parityHealthPool;
}

export async function checkDatabase(): Promise<boolean> {
  if (!env.DATABASE_URL) return false;
  try {
    await pool().query("select 1");
    return true;
  } catch {
    return false;
  }
}
