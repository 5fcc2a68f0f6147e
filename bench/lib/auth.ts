// How the bench signs in to a production build: a next-auth JWT session cookie minted
// with the server's NEXTAUTH_SECRET (the session carries only the user id, exactly like
// a real sign-in), or a Bearer API token whose hash is stored like the product does.
import { encode } from "next-auth/jwt";
import pg from "pg";
import { newToken, TOKEN_SCOPES } from "../../lib/domain/tokens";

export const BENCH_SECRET = "bench-only-nextauth-secret-0123456789abcdef";
export const SESSION_COOKIE = "next-auth.session-token";

export async function sessionCookie(userId: string, secret = BENCH_SECRET): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret, maxAge: 12 * 60 * 60 });
  return `${SESSION_COOKIE}=${token}`;
}

export async function userIdByEmail(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ id: string }>(`select id from "User" where email = $1`, [email]);
    if (!r.rows[0]) throw new Error(`bench: no user ${email}`);
    return r.rows[0].id;
  } finally {
    await client.end();
  }
}

/** A token for the given user (kind user) or a CI token (userId null), every scope; returns the plaintext. */
export async function createApiToken(databaseUrl: string, name: string, userId: string | null): Promise<string> {
  const t = newToken();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into "ApiToken" (id, name, kind, "tokenHash", prefix, "userId", scopes, "createdAt") values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [`bench-${t.prefix}-${Date.now()}`, name, userId ? "user" : "ci", t.hash, t.prefix, userId, [...TOKEN_SCOPES]],
    );
  } finally {
    await client.end();
  }
  return t.token;
}
