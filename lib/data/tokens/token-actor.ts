import type { Principal } from "@/lib/authz";
import type { AuditInput } from "@/lib/data/audit/write-audit";

/** Who manages a token: a signed-in person, or the operator CLI (which has database access anyway). */
export type TokenActor = Principal | "operator";

export function auditActor(actor: TokenActor): AuditInput["actor"] {
  return actor === "operator" ? { userId: null, email: "operator (cli)" } : actor;
}
