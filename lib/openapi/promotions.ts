import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, ZErrorResponse } from "./common";
import { ZDecisionBodySchema, ZGateReportSchema, ZRequestPromotionSchema } from "@/lib/validations/promotions";

const STATE = z.enum(["requested", "checking", "awaiting_approval", "approved", "deploying", "deployed", "rejected", "failed", "rolled_back", "cancelled", "expired"]);
const ref = z.object({ slug: z.string(), name: z.string() });

const ZPromotion = z
  .object({
    id: z.string(),
    version: z.string(),
    kind: z.enum(["standard", "hotfix"]),
    severity: z.string().nullable(),
    reason: z.string(),
    changeTicket: z.string().nullable(),
    rollbackPlan: z.string().nullable(),
    state: STATE,
    stateVersion: z.number().int(),
    flaggedForReview: z.boolean(),
    expiresAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    service: ref,
    fromEnvironment: ref,
    toEnvironment: ref,
    requestedBy: z.object({ name: z.string(), email: z.string() }),
    gates: z.array(z.object({ gate: z.string(), label: z.string(), kind: z.enum(["ci", "signoff", "ticket", "window"]), status: z.enum(["pending", "passed", "failed", "waived"]), evidenceUrl: z.string().nullable(), detail: z.string().nullable(), reporter: z.string().nullable(), reportedAt: z.string().nullable(), waivedReason: z.string().nullable() })),
    approvals: z.array(z.object({ userId: z.string(), name: z.string(), decision: z.enum(["approve", "reject"]), comment: z.string(), invalidatedAt: z.string().nullable(), createdAt: z.string() })),
    timeline: z.array(z.object({ id: z.string(), type: z.string(), fromState: STATE.nullable(), toState: STATE.nullable(), actor: z.string(), message: z.string(), createdAt: z.string() })),
    readiness: z.object({
      summary: z.string(),
      blocking: z.array(z.object({ gate: z.string(), label: z.string(), status: z.string() })),
      approvals: z.object({ valid: z.number().int(), required: z.number().int(), automatic: z.boolean(), roles: z.array(z.string()) }),
      approvers: z.array(z.string()).describe("Names of the people who may still approve"),
      window: z.object({ open: z.boolean(), closesAt: z.string().nullable().optional(), opensAt: z.string().nullable().optional(), reason: z.string().optional() }).nullable().describe("null for hotfixes (window skipped)"),
      windowText: z.string(),
      orgTimeZone: z.string(),
      deploy: z.object({ ok: z.boolean(), message: z.string().optional() }),
    }),
    allowed: z.object({ approve: z.boolean(), reject: z.boolean(), cancel: z.boolean() }),
  });

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const id = z.object({ id: z.string() });
const conflict = { description: "The promotion changed or was already decided; the message says how", content: json(ZErrorResponse) };
const forbidden = { description: "Visible, but the caller may not do this (the message says who may)", content: json(ZErrorResponse) };
const decision = z.object({ data: z.object({ id: z.string(), state: STATE, approvals: z.number().int(), required: z.number().int() }) });

export function registerPromotions(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "post",
    path: "/api/v1/promotions",
    summary: "Request a promotion of the version deployed and healthy in the source environment",
    description: "User tokens need promotions:write. A hotfix needs severity critical and a reason; it skips the deploy window and needs an eng_leader approval.",
    request: { body: { content: json(ZRequestPromotionSchema) } },
    responses: { 201: { description: "Requested", content: json(z.object({ data: ZPromotion })) }, 401: errorResponses[401], 403: forbidden, 409: { description: "An open promotion already exists for the service and target", content: json(ZErrorResponse) }, 422: errorResponses[422] },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/promotions/{id}",
    summary: "A promotion: state, gates with evidence, approvals, timeline and readiness",
    request: { params: id },
    responses: { 200: { description: "OK", content: json(z.object({ data: ZPromotion })) }, 401: errorResponses[401], 404: errorResponses[404] },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/promotions/{id}/gates/{gate}",
    summary: "CI reports a gate result with evidence",
    description: "Token scope gates:write. CI gates (tests, code_review, security_scan, staging_tests, e2e, performance, change_ticket). A failure after an approval invalidates it.",
    request: { params: z.object({ id: z.string(), gate: z.string() }), body: { content: json(ZGateReportSchema) } },
    responses: { 200: { description: "Recorded", content: json(z.object({ data: z.object({ id: z.string(), state: STATE, gate: z.string(), status: z.string() }) })) }, 401: errorResponses[401], 403: forbidden, 404: errorResponses[404], 409: conflict, 422: errorResponses[422] },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/promotions/{id}/evidence",
    summary: "Evidence bundle for auditors (JSON download): request, gates with evidence, decisions, window check, timeline, the promotion's chained audit events",
    request: { params: id },
    responses: { 200: { description: "The bundle", content: json(z.object({ generatedAt: z.string(), promotion: z.object({ id: z.string(), state: STATE }).passthrough(), gates: z.array(z.object({}).passthrough()), approvals: z.array(z.object({}).passthrough()), window: z.object({}).passthrough(), timeline: z.array(z.object({}).passthrough()), audit: z.array(z.object({ id: z.string(), action: z.string(), seq: z.string().nullable(), hash: z.string().nullable(), prevHash: z.string().nullable() }).passthrough()) })) }, 401: errorResponses[401], 404: errorResponses[404] },
  });
  for (const verb of ["approve", "reject"] as const) {
    registry.registerPath({
      method: "post",
      path: `/api/v1/promotions/{id}/${verb}`,
      summary: verb === "approve" ? "Approve (roles named by the target's policy, not the requester)" : "Reject with a comment",
      description: "Exactly one of several concurrent decisions wins; the others get 409 with the outcome. User tokens need promotions:write.",
      request: { params: id, body: { content: json(ZDecisionBodySchema) } },
      responses: { 200: { description: "Recorded", content: json(decision) }, 401: errorResponses[401], 403: forbidden, 404: errorResponses[404], 409: conflict, 422: errorResponses[422] },
    });
  }
}
