import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZErrorResponse, errorResponses } from "./common";
import { ZDeploymentStatus, ZDeploymentStrategy, ZListDeploymentsSchema, ZReportDeploymentSchema, ZUpdateDeploymentSchema } from "@/lib/validations/deployments";

const ZDeployment = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  version: z.string(),
  commitSha: z.string(),
  status: ZDeploymentStatus,
  strategy: ZDeploymentStrategy,
  progress: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  triggeredBy: z.string(),
  changeTicket: z.string().nullable(),
  promotionId: z.string().nullable(),
  rollbackOfId: z.string().nullable().describe("The deployment this one rolled back"),
  replacedBy: z.string().nullable().describe("For a rolled-back deployment: the one that replaced it"),
  service: z.object({ slug: z.string(), name: z.string() }),
  environment: z.object({ slug: z.string(), name: z.string() }),
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(ZErrorResponse, description);

export function registerDeployments(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/api/v1/deployments",
    summary: "Deploy history, newest first, keyset-paginated (pass nextCursor back as cursor)",
    request: { query: ZListDeploymentsSchema },
    responses: { 200: json(z.object({ data: z.array(ZDeployment), nextCursor: z.string().nullable() }), "A page"), 401: errorResponses[401], 422: errorResponses[422] },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/deployments",
    summary: "CI reports a deployment. Idempotent by externalId: the same report twice returns the first (200, created: false). Needs the deployments:write scope.",
    request: { body: { content: { "application/json": { schema: ZReportDeploymentSchema } } } },
    responses: {
      201: json(z.object({ data: ZDeployment, created: z.literal(true) }), "Created"),
      200: json(z.object({ data: ZDeployment, created: z.literal(false) }), "Already reported with this externalId"),
      400: errorResponses[400],
      401: errorResponses[401],
      403: err("Missing scope, or no read + deploy access for a person's token"),
      404: err("Unknown environment (or not visible) or unknown service"),
      409: err("The externalId names a deployment to another environment"),
      413: err("Body over 1 MB"),
      422: errorResponses[422],
      429: err("Too many requests from this token"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/deployments/{id}",
    summary: "CI reports a status change (id or externalId). Only valid transitions; a late queued/in_progress after a finish is ignored (outcome: ignored).",
    request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: ZUpdateDeploymentSchema } } } },
    responses: {
      200: json(z.object({ data: ZDeployment, outcome: z.enum(["applied", "unchanged", "ignored"]), reason: z.string().optional() }), "Applied, unchanged or ignored"),
      400: errorResponses[400],
      401: errorResponses[401],
      404: errorResponses[404],
      409: err("Not a valid transition (e.g. succeeded → failed)"),
      422: errorResponses[422],
      429: err("Too many requests from this token"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/webhooks/github",
    summary: "GitHub deployment / deployment_status webhooks. Signed with X-Hub-Signature-256 (GITHUB_WEBHOOK_SECRET); deduplicated by X-GitHub-Delivery.",
    security: [],
    request: {
      headers: z.object({ "x-hub-signature-256": z.string(), "x-github-event": z.string(), "x-github-delivery": z.string() }),
      body: { content: { "application/json": { schema: z.object({}).passthrough() } } },
    },
    responses: {
      200: json(z.object({ outcome: z.string(), deploymentId: z.string().nullable().optional() }), "Processed, or a redelivery (changes nothing), or ping"),
      202: json(z.object({ outcome: z.string() }), "Accepted and ignored (another event, or nothing to map)"),
      400: errorResponses[400],
      401: err("Missing or invalid signature"),
      413: err("Body over 1 MB"),
      503: err("No webhook secret configured"),
    },
  });
}
