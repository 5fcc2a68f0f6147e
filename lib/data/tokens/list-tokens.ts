import "server-only";
import { db } from "@/lib/db";
import { hasRole, type Principal } from "@/lib/authz";

export interface TokenRow {
  id: string;
  name: string;
  kind: "user" | "ci";
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  user: { email: string } | null;
}

/**
 * The principal's own tokens; platform also sees CI tokens and everyone's. Newest first,
 * keyset-paginated on (createdAt, id). Never the hash.
 */
export async function listTokens(principal: Principal, options: { cursor?: { createdAt: Date; id: string }; limit?: number } = {}): Promise<{ data: TokenRow[]; nextCursor: { createdAt: Date; id: string } | null }> {
  const limit = options.limit ?? 100;
  const c = options.cursor;
  const rows = await db().apiToken.findMany({
    where: {
      ...(hasRole(principal, "platform") ? {} : { userId: principal.userId ?? "-" }),
      ...(c ? { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, name: true, kind: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true, user: { select: { email: true } } },
  });
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, nextCursor: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
