import { describe, expect, it } from "vitest";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { computeFindings, intendedKey, type FindingsInput } from "./findings";
import type { LayerEntry } from "./precedence";
import { DEFAULT_PRECEDENCE } from "./config-layers";

const ENVS = [
  { slug: "development", name: "Development", position: 1, secretPrefix: "dev/" },
  { slug: "staging", name: "Staging", position: 2, secretPrefix: "staging/" },
  { slug: "production", name: "Production", position: 3, secretPrefix: "production/" },
];
const e = (layer: ConfigLayer, key: string, value: string): LayerEntry => ({ layer, key, value });

function run(config: Partial<Record<string, LayerEntry[]>>, intended: string[] = [], standards: FindingsInput["standards"] = {}) {
  return computeFindings({
    environments: ENVS,
    config: ENVS.map((env) => ({ environment: env.slug, service: "svc", entries: config[env.slug] ?? [] })),
    precedence: DEFAULT_PRECEDENCE,
    intended: new Set(intended),
    standards,
  }).map((f) => `${f.kind}@${f.environment}${f.otherEnvironment ? `→${f.otherEnvironment}` : ""}:${f.key}:${f.severity}`);
}

const same = [e("env", "A", "1")];

const CASES: { name: string; config: Partial<Record<string, LayerEntry[]>>; intended?: string[]; standards?: FindingsInput["standards"]; expect: string[] }[] = [
  { name: "empty everywhere: nothing", config: {}, expect: [] },
  { name: "same keys everywhere: nothing", config: { development: same, staging: same, production: same }, expect: [] },
  { name: "a key missing in the next environment is drift", config: { development: same, staging: [e("env", "A", "1"), e("env", "B", "1")], production: same }, expect: ["drift@staging→production:B:medium"] },
  { name: "drift only looks at the next environment, not back", config: { development: [], staging: same, production: same }, expect: [] },
  { name: "an intended difference is not drift", config: { development: same, staging: [e("env", "A", "1"), e("env", "B", "1")], production: same }, intended: [intendedKey("svc", "B", "staging", "production")], expect: [] },
  { name: "an intended difference marked the other way round also counts", config: { development: same, staging: [e("env", "A", "1"), e("env", "B", "1")], production: same }, intended: [intendedKey("svc", "B", "production", "staging")], expect: [] },
  { name: "drift by case: LOG_LEVEL vs log_level", config: { development: [e("env", "log_level", "x")], staging: [e("env", "LOG_LEVEL", "x")], production: [e("env", "LOG_LEVEL", "x")] }, expect: ["drift@development→staging:log_level:medium"] },
  { name: "a secret-looking value in the env layer", config: { staging: [e("env", "SENDGRID_API_KEY", "SG.k3xQ9vLr2Tz8PwY1mN4bHc.7dFgJ0aSeR5tUiOpLkZxCvBnMq")], production: [e("env", "SENDGRID_API_KEY", "x")] }, expect: ["secret_in_plain_layer@staging:SENDGRID_API_KEY:high"] },
  { name: "a secret-looking value overridden by a higher layer is still found", config: { production: [e("default", "TOKEN", "AKIAIOSFODNN7EXAMPLE"), e("env", "TOKEN", "ok")] }, expect: ["secret_in_plain_layer@production:TOKEN:high"] },
  { name: "the secret layer holds references, never flagged as plain secrets", config: { production: [e("secret", "DB", "production/database/password")] }, expect: [] },
  { name: "staging referencing a production secret is critical", config: { staging: [e("secret", "STRIPE", "production/stripe/api-key")], production: [e("secret", "STRIPE", "production/stripe/api-key")] }, expect: ["higher_env_secret_reference@staging:STRIPE:critical"] },
  { name: "development referencing a staging secret is high", config: { development: [e("secret", "DB", "staging/db")], staging: [e("secret", "DB", "staging/db")], production: [e("secret", "DB", "production/db")] }, expect: ["higher_env_secret_reference@development:DB:high"] },
  { name: "a live payment key outside production", config: { development: [e("env", "STRIPE_API_KEY", "sk_live_" + "51HxDemoNotARealKey000")], staging: [e("env", "STRIPE_API_KEY", "x")], production: [e("env", "STRIPE_API_KEY", "x")] }, expect: ["live_payment_key@development:STRIPE_API_KEY:critical"] },
  { name: "a live payment key in production's plain layer is a plain secret, not a misplaced live key", config: { production: [e("env", "STRIPE_API_KEY", "sk_live_" + "51HxDemoNotARealKey000")] }, expect: ["secret_in_plain_layer@production:STRIPE_API_KEY:high"] },
  { name: "production with debug logging", config: { production: [e("default", "LOG_LEVEL", "info"), e("env", "LOG_LEVEL", "DEBUG")] }, expect: ["debug_logging@production:LOG_LEVEL:high"] },
  { name: "debug overridden by a higher layer is fine", config: { production: [e("env", "LOG_LEVEL", "debug"), e("flag", "LOG_LEVEL", "warn")] }, expect: [] },
  { name: "debug logging outside production is fine", config: { development: [e("env", "logging.level", "debug")], staging: [e("env", "logging.level", "debug")], production: [e("env", "logging.level", "info")] }, expect: [] },
  { name: "a value differing from the reference's standard", config: { production: [e("env", "DB_POOL_MAX", "20"), e("env", "OTHER", "1")] }, standards: { production: { DB_POOL_MAX: "50" } }, expect: ["off_standard@production:DB_POOL_MAX:low"] },
];

describe("computeFindings", () => {
  for (const c of CASES) it(c.name, () => expect(run(c.config, c.intended, c.standards)).toEqual(c.expect));

  it("sorts by severity first and gives stable ids", () => {
    const input: FindingsInput = {
      environments: ENVS,
      config: [
        { environment: "staging", service: "svc", entries: [e("env", "B", "1"), e("secret", "S", "production/x")] },
        { environment: "production", service: "svc", entries: [] },
      ],
      precedence: DEFAULT_PRECEDENCE,
      intended: new Set(),
      standards: {},
    };
    const a = computeFindings(input);
    expect(a.map((f) => f.severity)).toEqual(["critical", "medium", "medium"]);
    expect(computeFindings(input).map((f) => f.id)).toEqual(a.map((f) => f.id));
  });

  it("never puts a secret-looking value in a message", () => {
    const value = "q8Zr2LmX0vT7bN4kJ9sW1eY6uH3cF5gA8dP2oQ7i";
    const out = computeFindings({ environments: ENVS, config: [{ environment: "staging", service: "svc", entries: [e("file", "TOKEN", value)] }], precedence: DEFAULT_PRECEDENCE, intended: new Set(), standards: {} });
    expect(out).toHaveLength(1);
    expect(JSON.stringify(out)).not.toContain(value);
  });
});
