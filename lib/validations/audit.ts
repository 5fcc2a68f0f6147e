import { z } from "zod";

export const ZAuditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  environment: z.string().trim().max(100).optional(),
  target: z.string().trim().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.string().regex(/^\d+$/, "The cursor is an event id").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
