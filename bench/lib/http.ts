// Loopback HTTP measurement with autocannon: a short warm-up, then a bounded run whose
// every response time is recorded so p50/p95 are exact.
import autocannon from "autocannon";

export interface Measure {
  url: string;
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  errors: number;
  non2xx: number;
  durationS: number;
  connections: number;
}

export interface MeasureOptions {
  connections?: number;
  durationS?: number;
  warmupS?: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  timeoutS?: number;
}

function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`bench: refusing to load a non-loopback host (${host})`);
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function once(url: string, o: MeasureOptions, durationS: number, record: boolean): Promise<Measure> {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections: o.connections ?? 8,
    duration: durationS,
    headers: o.headers,
    method: o.method ?? "GET",
    body: o.body,
    timeout: o.timeoutS ?? 30,
  });
  if (record) instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => void times.push(responseTime));
  const r = await instance;
  times.sort((a, b) => a - b);
  const non2xx = r.non2xx ?? 0;
  return {
    url,
    rps: r.requests.total / durationS,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx,
    durationS,
    connections: o.connections ?? 8,
  };
}

export async function measure(url: string, o: MeasureOptions = {}): Promise<Measure> {
  assertLoopback(url);
  if ((o.warmupS ?? 1) > 0) await once(url, o, o.warmupS ?? 1, false);
  return once(url, o, o.durationS ?? 5, true);
}

/** One request, for probing a route before measuring it. */
export async function probe(url: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  assertLoopback(url);
  const res = await fetch(url, { redirect: "manual", ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  return { status: res.status, text: await res.text() };
}

export async function waitForHttp(url: string, timeoutMs: number, isDead?: () => boolean): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (isDead?.()) throw new Error(`server for ${url} exited before answering`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${url}`);
}
