import { z } from "zod";
import { ZRoleSchema } from "./users";

export const ZAccessLevelSchema = z.enum(["none", "dashboards", "read_logs", "read", "read_deploy", "full"]);

export const ZGrantChangeSchema = z.object({
  role: ZRoleSchema,
  environmentSlug: z.string().min(1),
  level: ZAccessLevelSchema,
  reason: z.string().trim().max(500).optional(),
});
export type TGrantChange = z.infer<typeof ZGrantChangeSchema>;
