// One error type for the whole portal; codes map to HTTP exactly once, here.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("NOT_FOUND", what);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]> };
}

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } } };
  }
  if (isDatabaseDown(error)) {
    return { status: 503, body: { error: { code: "UNAVAILABLE", message: "The database is not answering. Try again shortly." } } };
  }
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong. The request id is in the response headers." } } };
}

/** Postgres going away or not taking connections: shutdowns (57P01-57P03), connection exceptions (class 08). */
const DOWN_CODE = /^(57P0[1-3]|08[0-9A-Z]{3})$/;
const DOWN_TEXT = /ECONNREFUSED|ECONNRESET|57P01|57P03|connection terminated|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed|P1001|P1017|Can't reach database server|Server has closed the connection|has encountered a connection error and is not queryable/i;

/**
 * Whether an error means the database is unreachable (answered 503, not 500). Looks at the
 * error and its causes: Prisma's driver adapter rethrows the driver's error with only its
 * message ("terminating connection due to administrator command", code 57P01 elsewhere),
 * or as P1017 "Server has closed the connection" with the adapter's error kind under meta.
 */
export function isDatabaseDown(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    for (const code of [o.code, o.originalCode]) if (typeof code === "string" && DOWN_CODE.test(code)) return true;
    if (DOWN_TEXT.test(`${String(o.code ?? "")} ${String(o.kind ?? "")} ${String(o.message ?? "")}`)) return true;
    // Prisma's known errors carry the adapter's error (and its kind) under meta.
    e = o.cause ?? o.meta?.driverAdapterError;
  }
  return false;
}
