import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses } from "./common";

export const ZEnvironment = z.object({
  slug: z.string(),
  name: z.string(),
  position: z.number().int(),
  purpose: z.string(),
  scale: z.string(),
  dataPolicy: z.string(),
  securityPosture: z.string(),
  secretsPolicy: z.string(),
  monitoring: z.string(),
  deploymentPolicy: z.string(),
  monthlyCostUsd: z.number(),
  availabilitySla: z.number(),
  vpcCidr: z.string(),
  level: z.enum(["none", "dashboards", "read_logs", "read", "read_deploy", "full"]),
});

export function registerCore(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    security: [],
    responses: { 200: { description: "Up", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } }, 503: { description: "Database down" } },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/environments",
    summary: "Environments the caller may see, with their aspects",
    responses: { 200: { description: "OK", content: { "application/json": { schema: z.object({ data: z.array(ZEnvironment) }) } } }, 401: errorResponses[401] },
  });
}
