import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasRole, type Principal } from "@/lib/authz";

const PAGE = 50;

/** People, for platform: roles, last seen, live tokens. Keyset-paginated by (name, id). */
export async function listUsers(principal: Principal, options: { q?: string; cursor?: string } = {}) {
  if (!hasRole(principal, "platform")) throw new AppError("NOT_FOUND", "Not found");
  const [cursorName, cursorId] = options.cursor ? decodeCursor(options.cursor) : [null, null];
  const rows = await db().user.findMany({
    where: {
      ...(options.q ? { OR: [{ name: { contains: options.q, mode: "insensitive" } }, { email: { contains: options.q, mode: "insensitive" } }] } : {}),
      ...(cursorName !== null ? { OR: [{ name: { gt: cursorName } }, { name: cursorName, id: { gt: cursorId! } }] } : {}),
    },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      lastSeenAt: true,
      roles: { select: { role: true } },
      _count: { select: { tokens: { where: { revokedAt: null } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    users: page.map((u) => ({ ...u, roles: u.roles.map((r) => r.role), liveTokens: u._count.tokens })),
    nextCursor: rows.length > PAGE && last ? encodeCursor(last.name, last.id) : null,
  };
}

export function encodeCursor(...parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parts) && parts.length === 2 && parts.every((p) => typeof p === "string")) return parts as [string, string];
  } catch {
    /* fall through */
  }
  throw new AppError("BAD_REQUEST", "The cursor is not valid.", { cursor: ["Invalid cursor"] });
}
