import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/domain/tokens";

export const ZTokenScope = z.enum(TOKEN_SCOPES);

export const ZCreateTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100, "At most 100 characters"),
  kind: z.enum(["user", "ci"]).default("user"),
  scopes: z.array(ZTokenScope).min(1, "Choose at least one scope"),
  expiresInDays: z.preprocess((v) => (v === "" || v === "never" ? undefined : v), z.coerce.number().int().min(1).max(365).optional()),
});
export type TCreateToken = z.infer<typeof ZCreateTokenSchema>;

export const ZRevokeTokenSchema = z.object({ id: z.string().min(1) });
