import { z } from "zod";
import { isValidTimeZone } from "@/lib/domain/deploy-window";
import { GATE_KEYS } from "@/lib/domain/gates";

const ROLE = z.enum(["developer", "qa", "platform", "executive", "eng_leader"]);
const HM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "A time like 10:00 (24:00 for midnight)");
const GATE = z.enum(GATE_KEYS as [string, ...string[]]);

export const ZUpdatePolicySchema = z
  .object({
    environment: z.string().min(1),
    version: z.coerce.number().int().positive(),
    requiredGates: z.array(GATE).max(20).transform((g) => [...new Set(g)]),
    approverRoles: z.array(ROLE).transform((r) => [...new Set(r)]),
    approvalsRequired: z.coerce.number().int().min(0).max(10),
    allowSelfApproval: z.boolean(),
    autoApprove: z.boolean(),
    windowDays: z.array(z.coerce.number().int().min(1).max(7)).transform((d) => [...new Set(d)].sort()),
    windowStart: HM,
    windowEnd: HM,
    windowTimeZone: z.string().refine(isValidTimeZone, "An IANA time zone like Europe/London"),
    hotfixAllowed: z.boolean(),
    hotfixApproverRoles: z.array(ROLE).transform((r) => [...new Set(r)]),
    hotfixApprovalsRequired: z.coerce.number().int().min(1).max(5),
    hotfixRequiredGates: z.array(GATE).max(20).transform((g) => [...new Set(g)]),
    expireAfterHours: z.coerce.number().int().min(1).max(24 * 60),
  })
  .superRefine((v, ctx) => {
    if (!v.autoApprove && v.approvalsRequired > 0 && v.approverRoles.length === 0) ctx.addIssue({ code: "custom", path: ["approverRoles"], message: "Name at least one approver role" });
    if (v.approvalsRequired === 0 && !v.autoApprove) ctx.addIssue({ code: "custom", path: ["approvalsRequired"], message: "Require an approval, or turn on automatic approval" });
    if (v.hotfixAllowed && v.hotfixApproverRoles.length === 0) ctx.addIssue({ code: "custom", path: ["hotfixApproverRoles"], message: "Name who approves hotfixes" });
    if (v.windowStart === v.windowEnd) ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "The window must not be empty (use 00:00–24:00 for all day)" });
  });
export type TUpdatePolicy = z.infer<typeof ZUpdatePolicySchema>;

export const ZAddFreezeSchema = z
  .object({
    environment: z.string().min(1),
    startsAt: z.coerce.date({ message: "A start date and time" }),
    endsAt: z.coerce.date({ message: "An end date and time" }),
    reason: z.string().trim().min(3, "Give a reason").max(500),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "The freeze must end after it starts" });
export type TAddFreeze = z.infer<typeof ZAddFreezeSchema>;

export const ZRemoveFreezeSchema = z.object({ id: z.string().min(1) });
