import "server-only";
import { db } from "@/lib/db";
import { hasRole } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { newToken, TOKEN_SCOPES } from "@/lib/domain/tokens";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { auditActor, type TokenActor } from "./token-actor";

export { revokeToken } from "./revoke-token";

export interface CreateTokenInput {
  actor: TokenActor;
  name: string;
  kind: "user" | "ci";
  /** For a user token: whose. Defaults to the actor. Only platform (or the CLI) may name someone else. */
  userEmail?: string;
  scopes: string[];
  expiresAt?: Date;
}

/**
 * Creates an API token and returns its plaintext exactly once; only the SHA-256 is stored.
 * A user token acts as its user (roles re-read on every request) narrowed by its scopes;
 * a CI token has no user, sees every environment at read (logs) and does only what its
 * scopes name. CI tokens, and tokens for someone else, are for platform or the CLI.
 */
export async function createToken(input: CreateTokenInput): Promise<{ id: string; token: string; prefix: string; name: string; scopes: string[]; expiresAt: Date | null }> {
  const { actor } = input;
  const name = input.name.trim();
  const fields: Record<string, string[]> = {};
  if (!name || name.length > 100) fields.name = ["Give the token a name (at most 100 characters)"];
  const unknown = input.scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (unknown.length) fields.scopes = [`Unknown scope(s): ${unknown.join(", ")}. Known: ${TOKEN_SCOPES.join(", ")}`];
  if (!input.scopes.length) fields.scopes = ["Choose at least one scope"];
  if (input.expiresAt && input.expiresAt <= new Date()) fields.expiresAt = ["The expiry must be in the future"];
  if (Object.keys(fields).length) throw new AppError("UNPROCESSABLE", "The token has invalid fields.", fields);

  const isPlatform = actor === "operator" || hasRole(actor, "platform");
  if (input.kind === "ci" && !isPlatform) throw new AppError("FORBIDDEN", "Only the platform team creates CI tokens.");

  let userId: string | null = null;
  if (input.kind === "user") {
    if (input.userEmail) {
      const user = await db().user.findUnique({ where: { email: input.userEmail.toLowerCase() }, select: { id: true, active: true } });
      if (!user || !user.active) throw new AppError("UNPROCESSABLE", "No active user has that email.", { userEmail: ["No active user has that email"] });
      userId = user.id;
    } else if (actor !== "operator") {
      userId = actor.userId;
    }
    if (!userId) throw new AppError("UNPROCESSABLE", "A user token needs its user.", { userEmail: ["Required for a user token"] });
    if (actor !== "operator" && userId !== actor.userId && !isPlatform) throw new AppError("FORBIDDEN", "You may only create tokens for yourself.");
  }

  const { token, hash, prefix } = newToken();
  const scopes = [...new Set(input.scopes)];
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name, kind: input.kind, tokenHash: hash, prefix, userId, scopes, expiresAt: input.expiresAt ?? null, createdById: actor === "operator" ? null : actor.userId },
      select: { id: true, expiresAt: true },
    });
    await writeAudit(tx, { actor: auditActor(actor), action: "token.create", targetType: "api_token", targetId: created.id, after: { name, kind: input.kind, prefix, userId, scopes, expiresAt: input.expiresAt ?? null } });
    return created;
  });
  return { id: row.id, token, prefix, name, scopes, expiresAt: row.expiresAt };
}
