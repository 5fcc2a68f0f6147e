import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/authz";

// A fixed one-minute window per token (or per user for sessions), in this process's memory:
// enough to stop a runaway CI loop; a multi-instance deployment would move it to Postgres.
const windows = new Map<string, { start: number; count: number }>();

export function enforceRateLimit(principal: Principal, limit = env.API_RATE_LIMIT_PER_MINUTE, now = Date.now()): void {
  if (limit <= 0) return;
  const key = principal.tokenId ?? principal.userId ?? principal.email;
  const w = windows.get(key);
  if (!w || now - w.start >= 60_000) {
    windows.set(key, { start: now, count: 1 });
    if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= 60_000) windows.delete(k);
    return;
  }
  if (++w.count > limit) {
    const retry = Math.ceil((w.start + 60_000 - now) / 1000);
    throw new AppError("RATE_LIMITED", `Too many requests from this token: at most ${limit} a minute. Retry in ${retry} s.`);
  }
}
