// The pages each role is checked on. Platform sees every page; the other roles
// visit the pages whose content differs for them (levels, actions, empty sections).
export const ROLES = {
  platform: "platform@example.com",
  developer: "dev@example.com",
  qa: "qa@example.com",
  executive: "exec@example.com",
  eng_leader: "cto@example.com",
} as const;

export type RoleKey = keyof typeof ROLES;

export const ALL_PAGES: Record<string, string> = {
  overview: "/",
  environment: "/environments/production",
  service: "/environments/staging/services/checkout",
  // A filtered, paged service page with an entry's edit form open.
  "service-edit": "/environments/staging/services/checkout?layer=env&per=5&q=o&edit=PORT",
  compare: "/compare?from=staging&to=production",
  "compare-empty": "/compare",
  secrets: "/secrets",
  secret: "/secrets/seed-sec-production-database-password",
  deployments: "/deployments",
  deployment: "/deployments/seed-dep-pro-00010",
  promotions: "/promotions",
  "promotions-all": "/promotions?tab=all",
  promotion: "/promotions/seed-promo-005",
  evidence: "/promotions/seed-promo-011/evidence",
  "promotion-new": "/promotions/new",
  policies: "/promotions/policies",
  insights: "/insights",
  access: "/access",
  users: "/access/users",
  audit: "/audit",
  settings: "/settings",
  "api-docs": "/api-docs",
  "not-found": "/environments/nowhere",
};

export const ROLE_PAGES: Record<Exclude<RoleKey, "platform">, Record<string, string>> = {
  developer: {
    overview: "/",
    environment: "/environments/development",
    "environment-logs": "/environments/production",
    service: "/environments/development/services/checkout",
    secrets: "/secrets",
    promotion: "/promotions/seed-promo-005",
    "promotion-new": "/promotions/new",
    access: "/access",
    settings: "/settings",
  },
  qa: {
    overview: "/",
    environment: "/environments/staging",
    promotion: "/promotions/seed-promo-002",
    deployments: "/deployments",
  },
  executive: {
    overview: "/",
    environment: "/environments/production",
    insights: "/insights",
    promotions: "/promotions",
    // Config on staging only (production: dashboards): the empty state that explains why.
    compare: "/compare",
  },
  eng_leader: {
    overview: "/",
    insights: "/insights",
    promotion: "/promotions/seed-promo-005",
    access: "/access",
  },
};
