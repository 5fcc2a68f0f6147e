import { z } from "zod";

export const ZRoleSchema = z.enum(["developer", "qa", "platform", "executive", "eng_leader"]);
export const ZEmailSchema = z.email("A valid email address").transform((e) => e.toLowerCase());

export const ZCreateUserSchema = z.object({
  email: ZEmailSchema,
  name: z.string().trim().min(1, "Name is required").max(120),
  roles: z.array(ZRoleSchema).max(5),
});
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

export const ZSetRolesSchema = z.object({
  userId: z.string().min(1),
  roles: z.array(ZRoleSchema).max(5),
  reason: z.string().trim().max(500).optional(),
});
export type TSetRoles = z.infer<typeof ZSetRolesSchema>;
