import { z } from "zod";
import { DATE_RANGE_MESSAGE, isStorableDate } from "@/lib/domain/storable";

const date = z.iso.datetime({ offset: true }).or(z.iso.date()).refine((v) => isStorableDate(new Date(v)), DATE_RANGE_MESSAGE);
/** The largest event id (a Postgres bigint). */
const MAX_ID = BigInt("9223372036854775807");

export const ZAuditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  environment: z.string().trim().max(100).optional(),
  target: z.string().trim().max(200).optional(),
  from: date.optional(),
  to: date.optional(),
  cursor: z.string().refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) <= MAX_ID, "The cursor is an event id").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
