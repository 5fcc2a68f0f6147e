import { z } from "zod";
import type { RotationStatus } from "@/lib/domain/rotation";

export const SECRET_TYPES = ["database_password", "api_key", "tls_certificate", "ssh_key", "encryption_key", "other"] as const;
export const SECRET_TOOLS = ["aws_secrets_manager", "vault", "acm", "ssm", "kms", "other"] as const;
export const ROTATION_FILTERS = ["ok", "due_soon", "overdue", "never_rotated"] as const satisfies readonly RotationStatus[];
export const SECRET_SORTS = ["name", "-name", "next_rotation", "-next_rotation"] as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** The registry's query: the same on /secrets (URL search params) and GET /api/v1/secrets. */
export const ZSecretListQuerySchema = z.object({
  environment: optional(z.string().regex(/^[a-z0-9-]{1,40}$/, "An environment slug like production")),
  q: optional(z.string().trim().max(200, "At most 200 characters")),
  type: optional(z.enum(SECRET_TYPES, { message: `One of ${SECRET_TYPES.join(", ")}` })),
  tool: optional(z.enum(SECRET_TOOLS, { message: `One of ${SECRET_TOOLS.join(", ")}` })),
  rotation: optional(z.enum(ROTATION_FILTERS, { message: `One of ${ROTATION_FILTERS.join(", ")}` })),
  sort: z.preprocess(emptyToUndefined, z.enum(SECRET_SORTS, { message: `One of ${SECRET_SORTS.join(", ")}` }).default("name")),
  deleted: z.preprocess(emptyToUndefined, z.enum(["hide", "show"], { message: "hide or show" }).default("hide")),
  cursor: optional(z.string().max(500)),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int("A whole number").min(1).max(200).default(50)),
});
export type TSecretListQuery = z.infer<typeof ZSecretListQuerySchema>;

export const ZSecretIdSchema = z.string().min(1).max(100).regex(/^[\w-]+$/, "Not a secret id");

export const ZSyncTriggerSchema = z.enum(["manual", "schedule", "cli"]);
export type TSyncTrigger = z.infer<typeof ZSyncTriggerSchema>;
