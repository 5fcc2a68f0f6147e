import "server-only";
import { deliveryHeaders } from "@/lib/domain/notifications";
import type { ClaimedDelivery } from "@/lib/data/notifications/outbox";

export interface AttemptResult {
  ok: boolean;
  /** The response status, or null when there was none (timeout, refused, DNS). */
  statusCode: number | null;
  error: string | null;
}

/**
 * One signed POST of the stored body. Redirects are never followed (a 3xx is a
 * failure naming where it pointed), and the whole attempt, body included, has
 * `timeoutMs`. The response body is not read.
 */
export async function deliverOnce(d: Pick<ClaimedDelivery, "id" | "event" | "body" | "createdAt" | "url" | "secret">, timeoutMs: number): Promise<AttemptResult> {
  try {
    const res = await fetch(d.url, { method: "POST", headers: deliveryHeaders(d, d.secret), body: d.body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
    if (res.status >= 300 && res.status < 400) return { ok: false, statusCode: res.status, error: `Redirects are not followed (to ${originOf(res.headers.get("location"), d.url)})` };
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") return { ok: false, statusCode: null, error: `No answer within ${timeoutMs} ms` };
    return { ok: false, statusCode: null, error: e.cause?.code ?? e.cause?.message ?? e.message };
  }
}

function originOf(location: string | null, base: string): string {
  if (!location) return "nowhere";
  try {
    return new URL(location, base).origin;
  } catch {
    return "an invalid location";
  }
}
