import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses } from "./common";
import { CONFIG_LAYERS } from "@/lib/domain/config-layers";
import { ZCompareQuerySchema, ZConfigSnapshotSchema } from "@/lib/validations/config";

const ZLayerOut = z.enum(CONFIG_LAYERS as [string, ...string[]]);
const ZShown = z.object({
  layer: ZLayerOut,
  value: z.string().nullable().describe("null: a secret reference the caller may not see (needs read access)"),
  masked: z.boolean().describe("The value looked like a secret and is masked"),
});
const ZSecretMeta = z
  .object({ name: z.string(), type: z.string(), tool: z.string(), rotationPolicy: z.string(), rotationDays: z.number().int().nullable(), lastRotatedAt: z.string().nullable(), nextRotationAt: z.string().nullable(), owner: z.string() })
  .nullable()
  .describe("Metadata of the referenced secret (never its value), when the caller may see it");
const ZConfigKeyOut = ZShown.extend({ key: z.string(), secret: ZSecretMeta, overrode: z.array(ZShown).describe("Lower-precedence layers that also set the key, highest first") });

const ZConfig = z.object({
  environment: z.object({ slug: z.string(), name: z.string() }),
  service: z.object({ slug: z.string(), name: z.string() }),
  precedence: z.array(ZLayerOut).describe("The organisation's precedence order, highest first"),
  secretsVisible: z.boolean(),
  keys: z.array(ZConfigKeyOut),
});

const ZCounts = z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), identical: z.number().int(), intended: z.number().int(), total: z.number().int() });
const ZParity = z.object({ score: z.number().int().describe("Whole percent of keys identical or intended (rounded down); 100 with no keys"), matching: z.number().int(), total: z.number().int() });
const ZComparison = z.object({
  from: z.object({ slug: z.string(), name: z.string(), canManage: z.boolean() }),
  to: z.object({ slug: z.string(), name: z.string(), canManage: z.boolean() }),
  precedence: z.array(ZLayerOut),
  overall: ZParity,
  services: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      team: z.string(),
      deployed: z.object({ from: z.string().nullable(), to: z.string().nullable() }).describe("Latest succeeded deployment's version in each environment"),
      counts: ZCounts,
      parity: ZParity,
      rows: z.array(
        z.object({
          key: z.string(),
          status: z.enum(["added", "removed", "changed", "identical"]).describe("added: only in `to`; removed: only in `from`"),
          intended: z.object({ reason: z.string(), markedBy: z.string(), markedAt: z.string() }).nullable(),
          from: ZShown.nullable(),
          to: ZShown.nullable(),
        }),
      ),
    }),
  ),
  secrets: z
    .array(z.object({ path: z.string(), from: z.object({ name: z.string(), type: z.string(), tool: z.string(), rotationPolicy: z.string(), rotationDays: z.number().int().nullable() }).nullable(), to: z.unknown(), differences: z.array(z.string()) }))
    .nullable()
    .describe("Secret metadata differences; null unless the caller may see secrets in both environments"),
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });

export function registerConfig(registry: OpenAPIRegistry) {
  const params = z.object({ env: z.string().describe("Environment slug"), service: z.string().describe("Service slug") });
  registry.registerPath({
    method: "get",
    path: "/api/v1/environments/{env}/services/{service}/config",
    summary: "Effective config of a service in an environment: each key's value, its layer and what it overrode",
    description: "Needs read (logs) on the environment; secret references need read. Values that look like secrets are masked. Token scope: read.",
    request: { params },
    responses: { 200: json(z.object({ data: ZConfig }), "OK"), 401: errorResponses[401], 404: errorResponses[404] },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/environments/{env}/services/{service}/config",
    summary: "CI posts a snapshot of one config layer (all-or-nothing, idempotent)",
    description: "Token scope config:write; a person (or user token) also needs full access. mode=replace (default) makes the layer exactly the posted entries; merge only sets them. Every change is a new version; one audit event.",
    request: { params, body: { content: { "application/json": { schema: ZConfigSnapshotSchema } } } },
    responses: {
      200: json(z.object({ data: z.object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }) }), "Applied"),
      401: errorResponses[401],
      403: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Token lacks the config:write scope"),
      404: errorResponses[404],
      422: errorResponses[422],
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/compare",
    summary: "The diff of two environments per service, as on /compare",
    description: "Both environments need read (logs). Token scope: read.",
    request: { query: ZCompareQuerySchema },
    responses: { 200: json(z.object({ data: ZComparison }), "OK"), 401: errorResponses[401], 404: errorResponses[404], 422: errorResponses[422] },
  });
}
