import { z } from "zod";

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.enum(["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE", "RATE_LIMITED", "INTERNAL", "UNAVAILABLE"]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export const errorResponses = {
  400: { description: "Bad request", content: { "application/json": { schema: ZErrorResponse } } },
  401: { description: "No valid token", content: { "application/json": { schema: ZErrorResponse } } },
  404: { description: "Not found, or not visible to the caller", content: { "application/json": { schema: ZErrorResponse } } },
  422: { description: "Invalid fields", content: { "application/json": { schema: ZErrorResponse } } },
} as const;
