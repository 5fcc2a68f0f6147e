import pino from "pino";
import { env } from "@/lib/env";

// Structured JSON logs; every request-scoped line carries the request id.
export const log = pino({
  level: env.LOG_LEVEL,
  base: { app: "parity" },
  redact: { paths: ["*.value", "*.secret", "*.token", "*.password", "headers.authorization", "headers.cookie"], censor: "[redacted]" },
});
