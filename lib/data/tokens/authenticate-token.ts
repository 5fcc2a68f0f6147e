import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/domain/tokens";
import type { Principal } from "@/lib/authz";
import { loadUserPrincipal } from "@/lib/data/users/load-principal";

/**
 * The principal behind a bearer token, or null when it is unknown, revoked, expired,
 * or its user is deactivated. A user token acts with the user's current roles,
 * narrowed by its scopes; a CI token sees every environment at `read_logs` and may
 * only do what its scopes name.
 */
export async function authenticateToken(token: string): Promise<Principal | null> {
  if (!token.startsWith("pty_") || token.length > 200) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, kind: true, userId: true, scopes: true, expiresAt: true, revokedAt: true, name: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  await db().$executeRaw`update "ApiToken" set "lastUsedAt" = now() where id = ${row.id} and ("lastUsedAt" is null or "lastUsedAt" < now() - interval '1 minute')`;
  if (row.kind === "user") {
    if (!row.userId) return null;
    const user = await loadUserPrincipal(row.userId);
    return user ? { ...user, kind: "token", scopes: row.scopes, tokenId: row.id } : null;
  }
  const envs = await db().environment.findMany({ select: { id: true } });
  return {
    kind: "token",
    userId: null,
    email: `ci-token:${row.name}`,
    name: row.name,
    roles: [],
    levels: new Map(envs.map((e) => [e.id, "read_logs" as const])),
    scopes: row.scopes,
    tokenId: row.id,
  };
}
