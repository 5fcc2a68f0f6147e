// Labels and links for findings, shared by server and client components (no I/O).
import type { Finding, Severity } from "@/lib/domain/findings";
import type { Tone } from "@/components/ui/badge";

export const SEVERITY_TONE: Record<Severity, Tone> = { critical: "bad", high: "bad", medium: "warn", low: "neutral" };

export const KIND_LABEL: Record<Finding["kind"], string> = {
  drift: "Drift",
  secret_in_plain_layer: "Secret in a plain layer",
  higher_env_secret_reference: "References a higher environment's secret",
  live_payment_key: "Live payment key outside production",
  debug_logging: "Debug logging in production",
  off_standard: "Differs from the reference's standard",
};

export const keyAnchor = (key: string) => `key-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
/** A key's row on its service's page: `key=` makes the page show the (keyset) page that holds it. */
export const keyHref = (env: string, service: string, key: string) => `/environments/${env}/services/${service}?key=${encodeURIComponent(key)}#${keyAnchor(key)}`;
