import { randomUUID } from "node:crypto";

/** The request id and client address of the current request, when there is one. */
export async function requestMeta(): Promise<{ requestId: string | null; ip: string | null }> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
    return { requestId: h.get("x-request-id") ?? randomUUID(), ip };
  } catch {
    // Outside a request (CLI, seed, tests): no headers to read.
    return { requestId: null, ip: null };
  }
}
