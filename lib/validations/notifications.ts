import { z } from "zod";
import { NOTIFICATION_EVENTS, type NotificationEvent } from "@/lib/domain/notifications";

// An unticked checkbox sends nothing: absent is false.
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const fields = {
  name: z.string().trim().min(1, "Give the endpoint a name").max(100, "At most 100 characters"),
  url: z
    .string()
    .trim()
    .max(2000, "At most 2000 characters")
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, message: "An http:// or https:// URL" })),
  events: z
    .array(z.string())
    .min(1, "Choose at least one event")
    .refine((xs) => xs.every((x) => (NOTIFICATION_EVENTS as readonly string[]).includes(x)), `Known events: ${NOTIFICATION_EVENTS.join(", ")}`)
    .transform((xs) => [...new Set(xs)] as NotificationEvent[]),
};

export const ZNotificationEndpointSchema = z.object({ ...fields, enabled: z.boolean().default(true) });
export type TNotificationEndpoint = z.infer<typeof ZNotificationEndpointSchema>;

export const ZEndpointIdSchema = z.object({ id: z.string().min(1).max(64) });

/** The URL is write-only like the secret: blank keeps the stored one. */
export const ZUpdateNotificationEndpointSchema = z.object({
  ...fields,
  url: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), fields.url.optional()),
  enabled: checkbox,
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
});
export type TUpdateNotificationEndpoint = z.infer<typeof ZUpdateNotificationEndpointSchema>;
