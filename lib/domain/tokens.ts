import { createHash, randomBytes } from "node:crypto";

export const TOKEN_SCOPES = ["read", "deployments:write", "gates:write", "promotions:write", "config:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A new API token: shown once; only its hash is stored. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `pty_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
