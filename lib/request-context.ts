import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// One request id per request, on every audit event it writes:
// - API routes choose theirs (lib/api/handler.ts) and run the handler inside `withRequestId`;
// - server actions and page renders take the caller's `x-request-id` when well formed, or
//   make one up on first use and remember it against the request's headers object, which
//   Next keeps for the whole request (an action and the render that follows it share it).
const scoped = new AsyncLocalStorage<string>();
const byRequest = new WeakMap<object, string>();
/** What a caller may send as `x-request-id`: it ends up in audit events and logs. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when well formed, else a new one. */
export function acceptRequestId(given: string | null | undefined): string {
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}

/** Runs `fn` with `id` as the request id of everything it audits. */
export function withRequestId<T>(id: string, fn: () => T): T {
  return scoped.run(id, fn);
}

/** The request id and client address of the current request, when there is one. */
export async function requestMeta(): Promise<{ requestId: string | null; ip: string | null }> {
  let h: Headers;
  try {
    const { headers } = await import("next/headers");
    h = await headers();
  } catch {
    // Outside a Next request (CLI, seed, tests calling handlers in-process): no headers.
    return { requestId: scoped.getStore() ?? null, ip: null };
  }
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  let requestId = scoped.getStore() ?? byRequest.get(h);
  if (!requestId) {
    requestId = acceptRequestId(h.get("x-request-id"));
    byRequest.set(h, requestId);
  }
  return { requestId, ip };
}
