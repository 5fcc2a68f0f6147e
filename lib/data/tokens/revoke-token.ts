import "server-only";
import { db } from "@/lib/db";
import { hasRole } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { auditActor, type TokenActor } from "./token-actor";

/** Revokes a token at once (the next request with it is a 401). Own tokens; platform and the CLI: any. */
export async function revokeToken(actor: TokenActor, id: string): Promise<{ id: string; revokedAt: Date }> {
  const mayAll = actor === "operator" || hasRole(actor, "platform");
  const token = await db().apiToken.findFirst({
    where: { id, ...(mayAll ? {} : { userId: actor.userId ?? "-" }) },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  if (!token) throw notFound("Token not found");
  if (token.revokedAt) return { id, revokedAt: token.revokedAt };
  return db().$transaction(async (tx) => {
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) {
      const again = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
      return { id, revokedAt: again.revokedAt! };
    }
    await writeAudit(tx, { actor: auditActor(actor), action: "token.revoke", targetType: "api_token", targetId: id, before: { revokedAt: null }, after: { name: token.name, prefix: token.prefix, revokedAt } });
    return { id, revokedAt };
  });
}
