// Every role × every environment × every entry point: page render, server action as a
// raw POST, the public API with a token. Allowed → success; not allowed → 404 for an
// invisible environment; never a 500, never a leak.
import { expect, test } from "@playwright/test";
import { sessionFor } from "../fixtures/session";
import { callAction, discoverActions } from "../fixtures/actions";
import { withDb } from "../fixtures/db";
import { CI_TOKEN, EXPIRED_TOKEN, REVOKED_TOKEN, USER_TOKENS, hash } from "../fixtures/tokens";

const ENVS = ["development", "staging", "production"] as const;
type Level = "none" | "dashboards" | "read_logs" | "read" | "read_deploy" | "full";
const MATRIX: Record<string, Record<(typeof ENVS)[number], Level>> = {
  "dev@example.com": { development: "full", staging: "read_deploy", production: "read_logs" },
  "qa@example.com": { development: "none", staging: "full", production: "read" },
  "platform@example.com": { development: "full", staging: "full", production: "full" },
  "exec@example.com": { development: "none", staging: "read", production: "dashboards" },
  "cto@example.com": { development: "read", staging: "read", production: "read" },
};
const RANK: Record<Level, number> = { none: 0, dashboards: 1, read_logs: 2, read: 3, read_deploy: 4, full: 5 };
const PAGES: Record<string, (email: string) => boolean> = {
  "/": () => true,
  "/access": () => true,
  "/promotions": () => true,
  "/settings": () => true,
  "/secrets": (e) => Object.values(MATRIX[e]).some((l) => RANK[l] >= RANK.read),
  "/deployments": (e) => Object.values(MATRIX[e]).some((l) => RANK[l] >= RANK.read_logs),
  "/compare": (e) => Object.values(MATRIX[e]).some((l) => RANK[l] >= RANK.read_logs),
  "/insights": (e) => ["exec@example.com", "cto@example.com", "platform@example.com"].includes(e),
  "/audit": (e) => e === "platform@example.com",
  "/access/users": (e) => e === "platform@example.com",
};

async function fingerprint(): Promise<string> {
  return withDb(async (c) => {
    const tables = ["Environment", "AccessGrant", "UserRole", "User", "ConfigEntry", "Secret", "Deployment", "Promotion", "Gate", "Approval", "Policy", "ApiToken", "IntendedDifference", "FreezePeriod", "OrgSetting", "NotificationEndpoint", "NotificationDelivery"];
    const parts: string[] = [];
    // Signing in and browsing updates the person's own "last seen" (not a change they make): leave it out.
    // The notification sender retries deliveries in the background (attempts, status, next
    // try): what counts is which deliveries exist and what they say, not how sending goes.
    const source: Record<string, string> = {
      User: `(select id, email, name, active from "User")`,
      ApiToken: `(select id, name, scopes, "revokedAt", "expiresAt", "userId" from "ApiToken")`,
      NotificationDelivery: `(select id, "endpointId", event, "promotionId", body, "createdAt" from "NotificationDelivery")`,
    };
    for (const t of tables) {
      const { rows } = await c.query(`select count(*)::text n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) h from ${source[t] ?? `"${t}"`} t`);
      parts.push(`${t}:${rows[0].n}:${rows[0].h}`);
    }
    return parts.join("\n");
  });
}

test.describe.configure({ mode: "serial" });

for (const email of Object.keys(MATRIX)) {
  test(`pages as ${email}`, async ({ playwright, baseURL }) => {
    const ctx = await sessionFor(playwright, baseURL!, email);
    for (const env of ENVS) {
      const res = await ctx.get(`/environments/${env}`, { maxRedirects: 0 });
      expect(res.status(), `${email} /environments/${env}`).toBe(MATRIX[email][env] === "none" ? 404 : 200);
    }
    for (const [page, allowed] of Object.entries(PAGES)) {
      const res = await ctx.get(page, { maxRedirects: 0 });
      expect(res.status(), `${email} ${page}`).toBe(allowed(email) ? 200 : 404);
    }
    await ctx.dispose();
  });

  test(`API with ${email}'s token`, async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${USER_TOKENS[email]}` } });
    const list = await api.get("/api/v1/environments");
    expect(list.status()).toBe(200);
    const visible = ((await list.json()).data as { slug: string }[]).map((e) => e.slug);
    expect(visible).toEqual(ENVS.filter((e) => MATRIX[email][e] !== "none"));
    const audit = await api.get("/api/v1/audit/verify");
    expect(audit.status()).toBe(email === "platform@example.com" ? 200 : 404);
    await api.dispose();
  });
}

test("revoked, expired and unknown tokens get 401 with the error shape", async ({ playwright, baseURL }) => {
  for (const token of [REVOKED_TOKEN, EXPIRED_TOKEN, "pty_unknown", "not-a-token"]) {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const res = await api.get("/api/v1/environments");
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    await api.dispose();
  }
});

test("a CI token sees environments but cannot read the audit trail", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${CI_TOKEN}` } });
  expect((await api.get("/api/v1/environments")).status()).toBe(200);
  expect((await api.get("/api/v1/audit")).status()).toBe(404);
  await api.dispose();
});

test("a deactivated user's live session and token stop working at once", async ({ playwright, baseURL }) => {
  const email = `leaver-${Date.now()}@example.com`;
  const token = `pty_e2e_leaver_${Date.now()}_000000000000000`;
  await withDb(async (c) => {
    const { rows } = await c.query(`insert into "User" (id, email, name, "updatedAt") values ($1, $2, 'Leaver', now()) returning id`, [`leaver${Date.now()}`, email]);
    await c.query(`insert into "UserRole" ("userId", role) values ($1, 'developer')`, [rows[0].id]);
    await c.query(`insert into "ApiToken" (id, name, kind, "tokenHash", prefix, "userId", scopes) values ($1, 'leaver', 'user', $2, 'pty_e2e_le', $3, '{read}')`, [`tok${Date.now()}`, hash(token), rows[0].id]);
  });
  const session = await sessionFor(playwright, baseURL!, email);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await session.get("/environments/production", { maxRedirects: 0 })).status()).toBe(200);
  expect((await api.get("/api/v1/environments")).status()).toBe(200);
  await withDb((c) => c.query(`update "User" set active = false where email = $1`, [email]));
  const after = await session.get("/environments/production", { maxRedirects: 0 });
  expect([303, 307]).toContain(after.status());
  expect(after.headers()["location"]).toContain("/signin");
  expect((await api.get("/api/v1/environments")).status()).toBe(401);
  await session.dispose();
  await api.dispose();
});

test("a revoked role takes effect on the next request", async ({ playwright, baseURL }) => {
  const email = `mover-${Date.now()}@example.com`;
  await withDb(async (c) => {
    const { rows } = await c.query(`insert into "User" (id, email, name, "updatedAt") values ($1, $2, 'Mover', now()) returning id`, [`mover${Date.now()}`, email]);
    await c.query(`insert into "UserRole" ("userId", role) values ($1, 'qa')`, [rows[0].id]);
  });
  const session = await sessionFor(playwright, baseURL!, email);
  expect((await session.get("/environments/staging")).status()).toBe(200);
  await withDb((c) => c.query(`delete from "UserRole" where "userId" = (select id from "User" where email = $1)`, [email]));
  expect((await session.get("/environments/staging")).status()).toBe(404);
  await session.dispose();
});

test("executives cannot change anything anywhere: every server action, raw", async ({ playwright, baseURL }) => {
  // Every action × every payload through next dev: minutes on a busy 2-core machine.
  test.setTimeout(600_000);
  // Compile every page as platform so every action is in the manifests.
  const platform = await sessionFor(playwright, baseURL!, "platform@example.com");
  for (const page of [...Object.keys(PAGES), ...ENVS.map((e) => `/environments/${e}`)]) await platform.get(page);
  await platform.dispose();
  const actions = discoverActions().filter((a) => a.name !== "signOutAction");
  expect(actions.length).toBeGreaterThan(0);

  const ids = await withDb(async (c) => ({
    promotion: (await c.query(`select id from "Promotion" where state = 'awaiting_approval' limit 1`)).rows[0]?.id ?? "x",
    user: (await c.query(`select id from "User" where email = 'dev@example.com'`)).rows[0].id,
    secret: (await c.query(`select id from "Secret" limit 1`)).rows[0]?.id ?? "x",
    deployment: (await c.query(`select id from "Deployment" limit 1`)).rows[0]?.id ?? "x",
  }));
  // Plausible argument shapes aimed at real records in every environment.
  const payloads: unknown[][] = [
    [],
    [{}],
    [{ role: "executive", environmentSlug: "production", level: "full", reason: "x" }],
    [{ userId: ids.user, roles: ["platform"] }],
    [{ userId: ids.user, active: false }],
    [{ id: ids.promotion, promotionId: ids.promotion, comment: "ok", decision: "approve" }],
    [{ id: ids.secret }],
    [{ environment: "production", env: "production", slug: "production", service: "checkout", layer: "flag", key: "features.newCheckout", value: "true", version: 1, comment: "x" }],
    [null, { slug: "production", version: 1, purpose: "x" }],
    [{ name: "t", scopes: ["read"], kind: "ci" }],
  ];
  const before = await fingerprint();
  const exec = await sessionFor(playwright, baseURL!, "exec@example.com");
  for (const action of actions) {
    for (const args of payloads) {
      const res = await callAction(exec, baseURL!, action, args);
      expect(res.status(), `${action.name} (${action.file}) ${JSON.stringify(args)}`).toBeLessThan(500);
    }
  }
  await exec.dispose();
  expect(await fingerprint()).toBe(before);
  const audited = await withDb(async (c) => (await c.query(`select count(*)::int n from "AuditEvent" where "actorLabel" = 'exec@example.com'`)).rows[0].n);
  expect(audited).toBe(0);
});
