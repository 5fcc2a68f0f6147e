// Findings the portal raises on its own, computed from config data (no I/O).
import type { ConfigLayer } from "@/generated/prisma/enums";
import { resolveEffective, type LayerEntry } from "./precedence";
import { detectSecret, LIVE_PAYMENT_KEY } from "./secret-detection";
import { REFERENCE_STANDARDS } from "./reference-standards";

export type Severity = "critical" | "high" | "medium" | "low";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export type FindingKind = "drift" | "secret_in_plain_layer" | "higher_env_secret_reference" | "live_payment_key" | "debug_logging" | "off_standard";

export interface Finding {
  /** Stable across runs: kind + environment + service + key (+ layer). */
  id: string;
  kind: FindingKind;
  severity: Severity;
  environment: string;
  service: string;
  key: string;
  layer: ConfigLayer;
  /** For drift: the environment the key is missing from. */
  otherEnvironment?: string;
  message: string;
}

export interface FindingEnvironment {
  slug: string;
  name: string;
  position: number;
  secretPrefix: string;
}

export interface FindingsInput {
  environments: readonly FindingEnvironment[];
  /** Every environment × service's raw layer entries (deleted ones excluded). */
  config: readonly { environment: string; service: string; entries: readonly LayerEntry[] }[];
  precedence: readonly ConfigLayer[];
  /** Intended differences as `service|key|fromEnv|toEnv` (either direction matches). */
  intended: ReadonlySet<string>;
  standards?: Record<string, Record<string, string>>;
}

const LOG_LEVEL_KEY = /(^|[._])log[._]?level$/i;
const DEBUG_LEVELS = new Set(["debug", "trace", "all", "verbose"]);

export const intendedKey = (service: string, key: string, from: string, to: string) => `${service}|${key}|${from}|${to}`;

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

export function computeFindings(input: FindingsInput): Finding[] {
  const standards = input.standards ?? REFERENCE_STANDARDS;
  const envs = [...input.environments].sort((a, b) => a.position - b.position);
  const top = envs[envs.length - 1];
  const out: Finding[] = [];
  const push = (f: Omit<Finding, "id">) => out.push({ ...f, id: [f.kind, f.environment, f.service, f.key, f.layer, f.otherEnvironment ?? ""].join(":") });
  const effective = new Map<string, ReturnType<typeof resolveEffective>>();
  for (const c of input.config) effective.set(`${c.environment}|${c.service}`, resolveEffective(c.entries, input.precedence));
  const envBySlug = new Map(envs.map((e) => [e.slug, e]));

  for (const c of input.config) {
    const env = envBySlug.get(c.environment);
    if (!env) continue;
    const isTop = env === top;
    for (const e of c.entries) {
      if (e.layer === "secret") {
        const higher = envs.find((o) => o.position > env.position && o.secretPrefix && e.value.startsWith(o.secretPrefix));
        if (higher)
          push({ kind: "higher_env_secret_reference", severity: higher === top ? "critical" : "high", environment: env.slug, service: c.service, key: e.key, layer: e.layer, message: `${env.name} references ${higher.name}'s secret ${e.value}.` });
        continue;
      }
      if (!isTop && LIVE_PAYMENT_KEY.test(e.value)) {
        push({ kind: "live_payment_key", severity: "critical", environment: env.slug, service: c.service, key: e.key, layer: e.layer, message: `A live payment key is set outside ${top.name} (${e.layer} layer).` });
        continue;
      }
      const match = detectSecret(e.value);
      if (match)
        push({ kind: "secret_in_plain_layer", severity: "high", environment: env.slug, service: c.service, key: e.key, layer: e.layer, message: `${match.label} in the ${e.layer} layer; move it to the secret manager and reference it.` });
    }
    const eff = effective.get(`${c.environment}|${c.service}`)!;
    const std = standards[env.slug] ?? {};
    for (const k of eff) {
      if (isTop && LOG_LEVEL_KEY.test(k.key) && DEBUG_LEVELS.has(k.value.trim().toLowerCase()))
        push({ kind: "debug_logging", severity: "high", environment: env.slug, service: c.service, key: k.key, layer: k.layer, message: `${env.name} runs with ${k.key}=${k.value} (from the ${k.layer} layer).` });
      if (k.key in std && k.layer !== "secret" && k.value !== std[k.key])
        push({ kind: "off_standard", severity: "low", environment: env.slug, service: c.service, key: k.key, layer: k.layer, message: `${k.key} is ${k.value}; the reference's standard for ${env.name} is ${std[k.key]}.` });
    }
  }

  // Drift: a key in one environment's effective config and missing in the next one.
  const services = [...new Set(input.config.map((c) => c.service))];
  for (let i = 0; i + 1 < envs.length; i++) {
    const [from, to] = [envs[i], envs[i + 1]];
    for (const service of services) {
      const a = effective.get(`${from.slug}|${service}`);
      const b = effective.get(`${to.slug}|${service}`);
      if (!a || !b) continue;
      const present = new Set(b.map((k) => k.key));
      for (const k of a) {
        if (present.has(k.key)) continue;
        if (input.intended.has(intendedKey(service, k.key, from.slug, to.slug)) || input.intended.has(intendedKey(service, k.key, to.slug, from.slug))) continue;
        push({ kind: "drift", severity: "medium", environment: from.slug, otherEnvironment: to.slug, service, key: k.key, layer: k.layer, message: `${k.key} is set in ${from.name} but missing in ${to.name}.` });
      }
    }
  }

  return out.sort((x, y) => severityRank(x.severity) - severityRank(y.severity) || x.environment.localeCompare(y.environment) || x.service.localeCompare(y.service) || x.key.localeCompare(y.key) || x.kind.localeCompare(y.kind));
}
