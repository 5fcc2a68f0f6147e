import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type z } from "zod";
import { AppError, toErrorBody } from "@/lib/errors";
import { NUL_MESSAGE, nulPath } from "@/lib/domain/storable";
import { log } from "@/lib/log";
import { acceptRequestId, withRequestId } from "@/lib/request-context";
import { sessionUserId } from "@/lib/auth/session-user";
import { authenticateToken } from "@/lib/data/tokens/authenticate-token";
import { loadUserPrincipal } from "@/lib/data/users/load-principal";
import { hasScope, type Principal } from "@/lib/authz";

export interface ApiContext<P> {
  req: NextRequest;
  params: P;
  requestId: string;
  principal: Principal;
}

type Handler<P> = (ctx: ApiContext<P>) => Promise<unknown>;

async function principalFor(req: NextRequest): Promise<Principal | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const [scheme, token] = auth.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) return null;
    return authenticateToken(token.trim());
  }
  const id = await sessionUserId();
  return id ? loadUserPrincipal(id) : null;
}

/** Field-level messages from a zod error, in the shared error shape. */
export function fieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseOr422<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError("UNPROCESSABLE", "The request has invalid fields.", fieldErrors(parsed.error));
  return parsed.data;
}

export async function readJson(req: NextRequest, maxBytes = 1_000_000): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  rejectNul(body);
  return body;
}

/** A NUL anywhere (valid JSON "\u0000", a decoded %00) is a field error, not a database error. */
function rejectNul(value: unknown): void {
  const at = nulPath(value);
  if (at !== null) throw new AppError("UNPROCESSABLE", "The request has invalid fields.", { [at || "_"]: [NUL_MESSAGE] });
}

export function errorResponse(error: unknown, requestId: string): NextResponse {
  const { status, body } = toErrorBody(error);
  if (status >= 500) log.error({ requestId, err: error }, "request failed");
  return NextResponse.json(body, { status, headers: { "x-request-id": requestId } });
}

/** Wraps a route handler: request id, authentication, one error mapping, JSON out. */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>, options: { auth?: boolean } = {}) {
  return (req: NextRequest, ctx: { params: Promise<P> }) => {
    const requestId = acceptRequestId(req.headers.get("x-request-id"));
    // Everything the handler audits carries the id the response names.
    return withRequestId(requestId, () => run(req, ctx, requestId));
  };
  async function run(req: NextRequest, ctx: { params: Promise<P> }, requestId: string) {
    const started = Date.now();
    try {
      const principal = options.auth === false ? null : await principalFor(req);
      if (options.auth !== false && !principal) throw new AppError("UNAUTHENTICATED", "A valid bearer token or session is required.");
      // Every read through the API needs the read scope (a write-only CI token reads nothing).
      if (principal && (req.method === "GET" || req.method === "HEAD") && !hasScope(principal, "read")) throw new AppError("FORBIDDEN", "This token lacks the read scope.");
      const params = await ctx.params;
      rejectNul(params);
      rejectNul(Object.fromEntries(req.nextUrl.searchParams));
      const result = await handler({ req, params, requestId, principal: principal as Principal });
      const res = result instanceof Response ? result : NextResponse.json(result);
      res.headers.set("x-request-id", requestId);
      log.info({ requestId, method: req.method, path: req.nextUrl.pathname, status: res.status, ms: Date.now() - started }, "api");
      return res;
    } catch (error) {
      if (error instanceof ZodError) return errorResponse(new AppError("UNPROCESSABLE", "The request has invalid fields.", fieldErrors(error)), requestId);
      return errorResponse(error, requestId);
    }
  }
}
