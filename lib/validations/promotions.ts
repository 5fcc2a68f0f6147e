import { z } from "zod";

// Blank form fields are "not given".
const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;

export const ZRequestPromotionSchema = z
  .object({
    service: z.string().trim().min(1, "Choose a service"),
    from: z.string().trim().min(1, "Choose the source environment"),
    to: z.string().trim().min(1, "Choose the target environment"),
    version: optionalText(100),
    kind: z.enum(["standard", "hotfix"]).default("standard"),
    severity: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SEVERITIES).optional()),
    reason: z.string().trim().min(3, "Say why, in a few words").max(2000),
    changeTicket: optionalText(64),
    rollbackPlan: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "hotfix" && v.severity !== "critical") ctx.addIssue({ code: "custom", path: ["severity"], message: "A hotfix must be of critical severity" });
    if (v.kind === "hotfix" && v.reason.length < 10) ctx.addIssue({ code: "custom", path: ["reason"], message: "A hotfix needs a reason of at least 10 characters" });
  });
export type TRequestPromotion = z.infer<typeof ZRequestPromotionSchema>;

export const ZDecisionSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(2000).default(""),
}).superRefine((v, ctx) => {
  if (v.decision === "reject" && v.comment.length < 3) ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why you reject it" });
});
export type TDecision = z.infer<typeof ZDecisionSchema>;

/** The API's approve/reject body (the decision comes from the path). */
export const ZDecisionBodySchema = z.object({ comment: z.string().trim().max(2000).default("") });

export const ZGateReportSchema = z.object({
  status: z.enum(["passed", "failed"]),
  evidenceUrl: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/, message: "An http(s) link" }).max(2000).optional()),
  detail: optionalText(2000),
});
export type TGateReport = z.infer<typeof ZGateReportSchema>;

export const ZWaiveGateSchema = z.object({ reason: z.string().trim().min(5, "Give a reason of at least 5 characters").max(2000) });

export const ZGateKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "A gate key like e2e or qa_signoff");

export const QUEUE_TABS = ["waiting", "mine", "all"] as const;
export const ZQueueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("all"),
  state: z.enum(["open", "requested", "checking", "awaiting_approval", "approved", "deploying", "deployed", "rejected", "failed", "rolled_back", "cancelled", "expired"]).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});
export type TQueueQuery = z.infer<typeof ZQueueQuerySchema>;

export const ZDeployResultSchema = z.object({ result: z.enum(["succeeded", "failed"]), detail: optionalText(2000) });

export const ZRollBackSchema = z.object({ reason: z.string().trim().min(5, "Give a reason of at least 5 characters").max(2000) });
