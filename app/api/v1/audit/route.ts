import { apiRoute, parseOr422 } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { ZAuditFilterSchema } from "@/lib/validations/audit";

export const GET = apiRoute(async ({ req, principal }) => {
  const filter = parseOr422(ZAuditFilterSchema, Object.fromEntries(req.nextUrl.searchParams));
  const { events, nextCursor } = await listAuditEvents(principal, filter);
  return { data: events, nextCursor };
});
