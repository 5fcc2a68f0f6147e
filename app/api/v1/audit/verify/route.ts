import { apiRoute } from "@/lib/api/handler";
import { assertMayAudit } from "@/lib/data/audit/list-audit-events";
import { verifyAuditChain } from "@/lib/data/audit/verify-audit-chain";

export const GET = apiRoute(async ({ principal }) => {
  assertMayAudit(principal);
  return verifyAuditChain();
});
