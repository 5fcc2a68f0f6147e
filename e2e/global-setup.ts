// `next dev` compiles each route on first use, which on a 2-core machine can take
// longer than a test's patience. Compile the main routes once, signed in, before
// the specs start.
import { request, type FullConfig } from "@playwright/test";

const ROUTES = ["/signin", "/", "/environments/production", "/compare?from=staging&to=production", "/secrets", "/deployments", "/promotions", "/insights", "/access", "/access/users", "/audit", "/settings", "/api/v1/environments",
  "/secrets/seed-sec-production-database-password", "/deployments/seed-dep-pro-00010", "/promotions/seed-promo-005", "/promotions/new", "/promotions/policies",
  "/environments/staging/services/checkout", "/api-docs"];

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const ctx = await request.newContext({ baseURL, timeout: 300_000 });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await ctx.post("/api/auth/callback/dev", { form: { csrfToken, email: "platform@example.com", json: "true" }, maxRedirects: 0 });
  for (const route of ROUTES) {
    const started = Date.now();
    const res = await ctx.get(route, { maxRedirects: 0 });
    if (process.env.E2E_VERBOSE) console.log(`warm ${route} ${res.status()} ${Date.now() - started} ms`);
  }
  await ctx.dispose();
}
