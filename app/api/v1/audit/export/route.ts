import { apiRoute, parseOr422 } from "@/lib/api/handler";
import { assertMayAudit, exportAuditEvents, type AuditEventDto } from "@/lib/data/audit/list-audit-events";
import { ZAuditFilterSchema } from "@/lib/validations/audit";
import type { Principal } from "@/lib/authz";
import { z } from "zod";

const COLUMNS = ["id", "createdAt", "actorLabel", "action", "targetType", "targetId", "environment", "requestId", "ip", "before", "after", "seq", "hash"] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  // Quote, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

function stream(principal: Principal, filter: z.infer<typeof ZAuditFilterSchema>, format: "csv" | "json") {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      let first = true;
      controller.enqueue(encoder.encode(format === "csv" ? COLUMNS.join(",") + "\n" : "["));
      for await (const batch of exportAuditEvents(principal, filter)) {
        const text =
          format === "csv"
            ? batch.map((e: AuditEventDto) => COLUMNS.map((c) => csvCell(e[c])).join(",") + "\n").join("")
            : (first ? "" : ",") + batch.map((e) => JSON.stringify(e)).join(",");
        first = false;
        controller.enqueue(encoder.encode(text));
      }
      if (format === "json") controller.enqueue(encoder.encode("]"));
      controller.close();
    },
  });
}

export const GET = apiRoute(async ({ req, principal }) => {
  assertMayAudit(principal);
  const params = Object.fromEntries(req.nextUrl.searchParams);
  const format = parseOr422(z.object({ format: z.enum(["csv", "json"]).default("csv") }), params).format;
  const filter = parseOr422(ZAuditFilterSchema, params);
  const name = `parity-audit-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(stream(principal, filter, format), {
    headers: { "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json", "content-disposition": `attachment; filename="${name}"` },
  });
});
