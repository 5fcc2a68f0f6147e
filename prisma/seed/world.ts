// The reference's world (../shared/reference/environment-management.md) as data.
import type { AccessLevel, ConfigLayer, Role, RotationPolicy, SecretTool, SecretType } from "../../generated/prisma/enums";

export const ENVIRONMENTS = [
  {
    slug: "development",
    name: "Development",
    position: 1,
    purpose: "Individual coding & testing",
    scale: "Single instance, local",
    dataPolicy: "Synthetic/mock data",
    securityPosture: "Relaxed for debugging",
    secretsPolicy: "Test/dummy keys",
    monitoring: "Basic/optional",
    deploymentPolicy: "Manual, frequent (100x/day)",
    monthlyCostUsd: 10,
    availabilitySla: "0",
    vpcCidr: "10.0.0.0/16",
    secretPrefix: "dev/",
    githubNames: ["development", "dev"],
  },
  {
    slug: "staging",
    name: "Staging",
    position: 2,
    purpose: "Pre-release validation",
    scale: "2-3 instances, minimal",
    dataPolicy: "Sanitized prod data",
    securityPosture: "Production-like",
    secretsPolicy: "Real but non-prod",
    monitoring: "Full monitoring",
    deploymentPolicy: "Auto on main merge",
    monthlyCostUsd: 100,
    availabilitySla: "99",
    vpcCidr: "10.1.0.0/16",
    secretPrefix: "staging/",
    githubNames: ["staging", "stage", "preprod"],
  },
  {
    slug: "production",
    name: "Production",
    position: 3,
    purpose: "Serve real users",
    scale: "Auto-scaling, multi-AZ",
    dataPolicy: "Real customer data",
    securityPosture: "Strictest security",
    secretsPolicy: "Production secrets only",
    monitoring: "Full + alerts + on-call",
    deploymentPolicy: "Manual approval required",
    monthlyCostUsd: 4200,
    availabilitySla: "99.9",
    vpcCidr: "10.2.0.0/16",
    secretPrefix: "production/",
    githubNames: ["production", "prod"],
  },
] as const;

export type EnvSlug = (typeof ENVIRONMENTS)[number]["slug"];

export const MATRIX: Record<EnvSlug, Record<Role, AccessLevel>> = {
  development: { developer: "full", qa: "none", platform: "full", executive: "none", eng_leader: "read" },
  staging: { developer: "read_deploy", qa: "full", platform: "full", executive: "read", eng_leader: "read" },
  production: { developer: "read_logs", qa: "read", platform: "full", executive: "dashboards", eng_leader: "read" },
};

export const USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: "dev@example.com", name: "Dana Developer", roles: ["developer"] },
  { email: "dev2@example.com", name: "Devon Developer", roles: ["developer"] },
  { email: "qa@example.com", name: "Quinn QA", roles: ["qa"] },
  { email: "platform@example.com", name: "Pat Platform", roles: ["platform"] },
  { email: "platform2@example.com", name: "Priya Platform", roles: ["platform"] },
  { email: "exec@example.com", name: "Erin Executive", roles: ["executive"] },
  { email: "cto@example.com", name: "Casey CTO", roles: ["eng_leader"] },
];

export const SERVICES = [
  { slug: "web-frontend", name: "Web frontend", team: "storefront" },
  { slug: "api-gateway", name: "API gateway", team: "platform" },
  { slug: "checkout", name: "Checkout", team: "payments" },
  { slug: "payments", name: "Payments", team: "payments" },
  { slug: "orders", name: "Orders", team: "commerce" },
  { slug: "inventory", name: "Inventory", team: "commerce" },
  { slug: "search", name: "Search", team: "discovery" },
  { slug: "notifications", name: "Notifications", team: "growth" },
  { slug: "auth", name: "Auth", team: "identity" },
  { slug: "user-profile", name: "User profile", team: "identity" },
  { slug: "analytics-pipeline", name: "Analytics pipeline", team: "data" },
  { slug: "recommendations", name: "Recommendations", team: "discovery" },
] as const;

export const POLICIES: Record<"staging" | "production", {
  requiredGates: string[];
  approverRoles: Role[];
  approvalsRequired: number;
  autoApprove: boolean;
  windowDays: number[];
  windowStart: string;
  windowEnd: string;
  hotfixApproverRoles: Role[];
  hotfixRequiredGates: string[];
}> = {
  staging: {
    requiredGates: ["tests", "code_review", "security_scan"],
    approverRoles: [],
    approvalsRequired: 0,
    autoApprove: true,
    windowDays: [],
    windowStart: "00:00",
    windowEnd: "24:00",
    hotfixApproverRoles: ["eng_leader"],
    hotfixRequiredGates: [],
  },
  production: {
    requiredGates: ["staging_tests", "e2e", "performance", "qa_signoff", "rollback_plan", "monitoring", "oncall", "change_ticket", "window"],
    approverRoles: ["platform"],
    approvalsRequired: 1,
    autoApprove: false,
    windowDays: [1, 2, 3, 4],
    windowStart: "10:00",
    windowEnd: "14:00",
    hotfixApproverRoles: ["eng_leader"],
    hotfixRequiredGates: [],
  },
};

export const ORG_TIME_ZONE = "Europe/London";

interface SecretSpec {
  path: string;
  type: SecretType;
  tool: SecretTool;
  storage: string;
  rotationPolicy: RotationPolicy;
  rotationDays: number | null;
  principals: string[];
  owner: string;
  description: string;
}

/** The quick-lookup table, per environment (names get the environment's prefix). */
export const SECRET_SPECS: SecretSpec[] = [
  { path: "database/password", type: "database_password", tool: "aws_secrets_manager", storage: "Encrypted", rotationPolicy: "automatic", rotationDays: 30, principals: ["role/app-server"], owner: "platform", description: "Primary Postgres password" },
  { path: "orders/database/password", type: "database_password", tool: "aws_secrets_manager", storage: "Encrypted", rotationPolicy: "automatic", rotationDays: 90, principals: ["role/orders-service"], owner: "commerce", description: "Orders database password" },
  { path: "stripe/api-key", type: "api_key", tool: "aws_secrets_manager", storage: "Encrypted", rotationPolicy: "manual", rotationDays: 180, principals: ["role/payments-service", "role/checkout-service"], owner: "payments", description: "Stripe secret key" },
  { path: "sendgrid/api-key", type: "api_key", tool: "vault", storage: "Encrypted", rotationPolicy: "manual", rotationDays: 180, principals: ["role/notifications-service"], owner: "growth", description: "SendGrid API key" },
  { path: "datadog/api-key", type: "api_key", tool: "aws_secrets_manager", storage: "Encrypted", rotationPolicy: "automatic", rotationDays: 90, principals: ["role/app-server"], owner: "platform", description: "Datadog metrics/traces key" },
  { path: "tls/api-certificate", type: "tls_certificate", tool: "acm", storage: "Encrypted", rotationPolicy: "auto_renewal", rotationDays: 90, principals: ["load-balancer/api-alb"], owner: "platform", description: "api.* TLS certificate" },
  { path: "ssh/bastion-key", type: "ssh_key", tool: "ssm", storage: "Encrypted", rotationPolicy: "manual", rotationDays: 365, principals: ["host/bastion"], owner: "platform", description: "Bastion host SSH key" },
  { path: "kms/app-encryption-key", type: "encryption_key", tool: "kms", storage: "HSM-backed", rotationPolicy: "manual", rotationDays: 365, principals: ["role/app-server"], owner: "security", description: "Application data encryption key" },
];

export interface ConfigSeed {
  layer: ConfigLayer;
  key: string;
  value: string;
}

const DEFAULTS: ConfigSeed[] = [
  { layer: "default", key: "server.port", value: "3000" },
  { layer: "default", key: "server.timeout", value: "30000" },
  { layer: "default", key: "database.pool.min", value: "2" },
  { layer: "default", key: "database.pool.max", value: "10" },
  { layer: "default", key: "LOG_LEVEL", value: "info" },
  { layer: "default", key: "features.newCheckout", value: "false" },
];

const FILES: Record<EnvSlug, ConfigSeed[]> = {
  development: [
    { layer: "file", key: "LOG_LEVEL", value: "debug" },
    { layer: "file", key: "database.ssl", value: "false" },
  ],
  staging: [
    { layer: "file", key: "server.timeout", value: "45000" },
    { layer: "file", key: "database.pool.min", value: "5" },
    { layer: "file", key: "database.pool.max", value: "20" },
    { layer: "file", key: "database.ssl", value: "true" },
  ],
  production: [
    { layer: "file", key: "server.port", value: "8080" },
    { layer: "file", key: "server.timeout", value: "60000" },
    { layer: "file", key: "database.pool.min", value: "10" },
    { layer: "file", key: "database.pool.max", value: "50" },
    { layer: "file", key: "database.ssl", value: "true" },
  ],
};

const ENV_VARS: Record<EnvSlug, ConfigSeed[]> = {
  development: [
    { layer: "env", key: "NODE_ENV", value: "development" },
    { layer: "env", key: "PORT", value: "3000" },
    { layer: "env", key: "REDIS_URL", value: "redis://localhost:6379" },
    { layer: "env", key: "DB_POOL_MIN", value: "2" },
    { layer: "env", key: "DB_POOL_MAX", value: "10" },
  ],
  staging: [
    { layer: "env", key: "NODE_ENV", value: "production" },
    { layer: "env", key: "PORT", value: "8080" },
    { layer: "env", key: "REDIS_URL", value: "redis://cache.staging.internal:6379" },
    { layer: "env", key: "DB_POOL_MIN", value: "5" },
    { layer: "env", key: "DB_POOL_MAX", value: "20" },
    { layer: "env", key: "SENTRY_DSN", value: "https://public@sentry.example.com/12" },
  ],
  production: [
    { layer: "env", key: "NODE_ENV", value: "production" },
    { layer: "env", key: "PORT", value: "8080" },
    { layer: "env", key: "LOG_LEVEL", value: "warn" },
    { layer: "env", key: "REDIS_URL", value: "redis://cache.prod.internal:6379" },
    { layer: "env", key: "DB_POOL_MIN", value: "10" },
    { layer: "env", key: "DB_POOL_MAX", value: "50" },
    { layer: "env", key: "SENTRY_DSN", value: "https://public@sentry.example.com/13" },
  ],
};

const SECRET_REFS = (prefix: string): ConfigSeed[] => [
  { layer: "secret", key: "DATABASE_PASSWORD", value: `${prefix}database/password` },
  { layer: "secret", key: "DATADOG_API_KEY", value: `${prefix}datadog/api-key` },
];

const FLAGS: Record<EnvSlug, ConfigSeed[]> = {
  development: [
    { layer: "flag", key: "features.newCheckout", value: "true" },
    { layer: "flag", key: "features.searchV2", value: "true" },
  ],
  staging: [
    { layer: "flag", key: "features.newCheckout", value: "true" },
    { layer: "flag", key: "features.searchV2", value: "true" },
  ],
  production: [{ layer: "flag", key: "features.newCheckout", value: "false" }],
};

/**
 * Planted problems so the portal has something true to say: drift, a secret-looking
 * value in a non-secret layer, a lower environment referencing a production secret,
 * a live payment key outside production, production with debug logging.
 */
const PLANTED: { service: string; env: EnvSlug; entry: ConfigSeed }[] = [
  { service: "checkout", env: "staging", entry: { layer: "env", key: "FEATURE_PAYPAL", value: "enabled" } },
  { service: "checkout", env: "development", entry: { layer: "env", key: "FEATURE_PAYPAL", value: "enabled" } },
  { service: "notifications", env: "staging", entry: { layer: "env", key: "SENDGRID_API_KEY", value: "SG.k3xQ9vLr2Tz8PwY1mN4bHc.7dFgJ0aSeR5tUiOpLkZxCvBnMqWeRtYuIoPaSdFgHj" } },
  { service: "payments", env: "staging", entry: { layer: "secret", key: "STRIPE_API_KEY", value: "production/stripe/api-key" } },
  { service: "payments", env: "development", entry: { layer: "env", key: "STRIPE_API_KEY", value: "sk_live_" + "51HxDemoNotARealKey00000000000000" } },
  { service: "search", env: "production", entry: { layer: "env", key: "LOG_LEVEL", value: "debug" } },
  { service: "orders", env: "development", entry: { layer: "env", key: "ORDERS_EXPORT_BUCKET", value: "orders-export-dev" } },
  { service: "orders", env: "staging", entry: { layer: "env", key: "ORDERS_EXPORT_BUCKET", value: "orders-export-staging" } },
];

const PER_SERVICE: Record<string, (prefix: string) => ConfigSeed[]> = {
  payments: (p) => [{ layer: "secret", key: "STRIPE_API_KEY", value: `${p}stripe/api-key` }],
  checkout: (p) => [{ layer: "secret", key: "STRIPE_API_KEY", value: `${p}stripe/api-key` }],
  notifications: (p) => [{ layer: "secret", key: "SENDGRID_API_KEY", value: `${p}sendgrid/api-key` }],
  orders: (p) => [{ layer: "secret", key: "DATABASE_PASSWORD", value: `${p}orders/database/password` }],
};

export function configFor(service: string, env: EnvSlug, prefix: string): ConfigSeed[] {
  const base = [...DEFAULTS, ...FILES[env], ...ENV_VARS[env], ...SECRET_REFS(prefix), ...FLAGS[env]];
  const merged = new Map<string, ConfigSeed>();
  for (const e of [...base, ...(PER_SERVICE[service]?.(prefix) ?? []), ...PLANTED.filter((p) => p.service === service && p.env === env).map((p) => p.entry)]) {
    merged.set(`${e.layer}:${e.key}`, e);
  }
  return [...merged.values()];
}
