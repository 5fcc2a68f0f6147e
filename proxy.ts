import { NextResponse, type NextRequest } from "next/server";

// Gives a server action's request an id, so every audit event it writes carries the same
// one (lib/request-context.ts). Not an authorization layer: every page, action and route
// checks access itself. API routes set their own (lib/api/handler.ts). Page reads skip it:
// running the proxy costs about a millisecond of CPU per request, a quarter of what a bare
// page costs (docs/bench.md). The one page read that writes (the queue's lazy expiry sweep)
// then gives each expired promotion's audit event an id of its own (lib/request-context.ts).
export function proxy(req: NextRequest) {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  return res;
}

export const config = { matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)", has: [{ type: "header", key: "next-action" }] }] };
