import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZAuditFilterSchema } from "@/lib/validations/audit";
import { errorResponses } from "./common";

const ZAuditEvent = z.object({
  id: z.string(),
  createdAt: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  environment: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export function registerAudit(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/audit",
    summary: "The audit trail, newest first, keyset-paginated (platform only; pass nextCursor back as cursor)",
    request: { query: ZAuditFilterSchema },
    responses: { 200: { description: "A page", content: { "application/json": { schema: z.object({ data: z.array(ZAuditEvent), nextCursor: z.string().nullable() }) } } }, 401: errorResponses[401], 404: errorResponses[404], 422: errorResponses[422] },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/audit/verify",
    summary: "Walk the hash chain and report the first broken link (platform only)",
    responses: {
      200: { description: "The verdict", content: { "application/json": { schema: z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ id: z.string(), reason: z.string() }).nullable() }) } } },
      401: errorResponses[401],
      404: errorResponses[404],
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/audit/export",
    summary: "Every matching event as CSV or JSON, streamed (platform only; same filters, plus format=csv|json)",
    request: { query: ZAuditFilterSchema.extend({ format: z.enum(["csv", "json"]).optional() }) },
    responses: { 200: { description: "A file download" }, 401: errorResponses[401], 404: errorResponses[404], 422: errorResponses[422] },
  });
}
