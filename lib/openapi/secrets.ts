import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZErrorResponse, errorResponses } from "./common";
import { ROTATION_FILTERS, SECRET_TOOLS, SECRET_TYPES, ZSecretListQuerySchema } from "@/lib/validations/secrets";

const ZSecret = z.object({
  id: z.string(),
  name: z.string().describe("Namespaced by environment, e.g. production/database/password"),
  environment: z.object({ slug: z.string(), name: z.string() }),
  type: z.enum(SECRET_TYPES),
  tool: z.enum(SECRET_TOOLS),
  storage: z.string(),
  rotationPolicy: z.enum(["automatic", "manual", "auto_renewal"]),
  rotationDays: z.number().int().nullable(),
  lastRotatedAt: z.string().nullable(),
  nextRotationAt: z.string().nullable(),
  owner: z.string(),
  deletedAt: z.string().nullable().describe("Set when the secret disappeared from its source; the record is kept"),
  rotation: z.object({ status: z.enum(ROTATION_FILTERS), periodDays: z.number().int(), dueAt: z.string().nullable(), daysLeft: z.number().int().nullable() }),
});

const ZSecretDetail = ZSecret.extend({
  principals: z.array(z.string()).describe("IAM roles / principals that may access it"),
  sourceId: z.string().nullable().describe("ARN in the source system"),
  tags: z.record(z.string(), z.string()),
  description: z.string(),
  origin: z.string(),
  syncedAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  references: z.array(z.object({ service: z.object({ slug: z.string(), name: z.string() }), environment: z.object({ slug: z.string(), name: z.string() }), key: z.string() })),
  history: z.array(z.object({ id: z.string(), at: z.string(), actor: z.string(), action: z.string(), before: z.unknown(), after: z.unknown() })),
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });

export function registerSecrets(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/secrets",
    summary: "Secret metadata the caller may read (level read and up), never values. Keyset-paginated: pass nextCursor back as cursor with the same filters.",
    request: { query: ZSecretListQuerySchema },
    responses: {
      200: json(z.object({ data: z.array(ZSecret), nextCursor: z.string().nullable() }), "A page"),
      401: errorResponses[401],
      403: json(ZErrorResponse, "The token lacks the read scope"),
      404: json(ZErrorResponse, "The environment does not exist or the caller may not read its secret metadata"),
      422: errorResponses[422],
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/secrets/{id}",
    summary: "One secret's metadata, the services referencing it, and its history",
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: json(z.object({ data: ZSecretDetail }), "The secret"), 401: errorResponses[401], 404: errorResponses[404] },
  });
}
