// The only reader of process.env. Imported by next.config.ts, so a missing or
// malformed variable stops start-up with a message naming it.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgres:// URL" }).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** How long a request waits for a free pooled connection under load before failing (Postgres down fails at once). */
    DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.url().optional(),
    AUTH_DEV_LOGIN: bool,
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().default("Single sign-on"),
    AWS_REGION: z.string().default("eu-west-2"),
    AWS_ENDPOINT_URL_SECRETS_MANAGER: z.url().optional(),
    SECRETS_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(0),
    GITHUB_WEBHOOK_SECRET: z.string().min(1).optional(),
    // How often the outgoing notification sender looks for due deliveries; 0 turns it off.
    NOTIFICATIONS_POLL_MS: z.coerce.number().int().min(0).default(2_000),
    // Per API token, for the CI write endpoints; 0 turns the limit off.
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60_000),
    NEXT_DIST_DIR: z.string().regex(/^\.next[\w-]*$/, "NEXT_DIST_DIR must look like .next-something").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Serves /bench/bare, `npm run bench`'s "bare page of the same layout"; set by the bench only. */
    PARITY_BENCH_PAGES: bool,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  ${i.path?.join(".") ?? "?"}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${lines}`);
  },
});

/** Development sign-in exists only when enabled and the build is not a production one. */
export const devLoginEnabled = env.AUTH_DEV_LOGIN && env.NODE_ENV !== "production";
export const oidcEnabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

export function assertSafeProductionConfig(nodeEnv: string | undefined = env.NODE_ENV, options: { requireSecret: boolean } = { requireSecret: true }): void {
  if (nodeEnv === "production" && env.AUTH_DEV_LOGIN) {
    throw new Error("AUTH_DEV_LOGIN is enabled in a production build: refusing to start. Unset AUTH_DEV_LOGIN.");
  }
  if (nodeEnv === "production" && options.requireSecret && !env.NEXTAUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET is required in production: refusing to start. Set it to a long random string.");
  }
}
