// Secret canary: a fake AWS Secrets Manager account whose secret VALUES are unique canary
// strings is synced into the portal (the "Sync now" button, then the CLI), then every page
// is browsed as every role, every GET route is called with every token, and the server
// log, the CLI output and a dump of every database table are read. No canary may appear
// anywhere; the fake must never be asked for a value; and the test proves it is not
// vacuous (the metadata arrived, the fake would have handed the values out).
import { expect, test, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FakeSecretsManager, fakeSecret, type FakeSecret } from "../../tests/support/fake-secrets-manager";
import { signInAs } from "../fixtures/auth";
import { e2eDatabaseUrl, withDb } from "../fixtures/db";
import { fakeAwsEnv, fakeSecretsManagerPort, serverLogPath } from "../fixtures/fake-aws";
import { appRoutes, matchesTemplate } from "../fixtures/routes";
import { sessionFor } from "../fixtures/session";
import { CI_TOKEN, USER_TOKENS } from "../fixtures/tokens";

test.describe.configure({ mode: "serial" });

const DAY = 86_400_000;
const ENVS = ["development", "staging", "production"] as const;
const PREFIX: Record<(typeof ENVS)[number], string> = { development: "dev/", staging: "staging/", production: "production/" };
/** One demo user per role. */
const ROLE_USERS = ["dev@example.com", "qa@example.com", "platform@example.com", "exec@example.com", "cto@example.com"];

// ---- the canaries -------------------------------------------------------------------------

/** Every canary of this run starts with this, so one search finds any of them. */
const RUN_MARK = `CANARY-${randomBytes(4).toString("hex")}-`;
const newCanary = () => `${RUN_MARK}${randomBytes(12).toString("hex")}`;

/** The values as the fake holds them; the scan also looks for their base64 form. */
const values: { name: string; text: string }[] = [];
function stringSecret(name: string, shape: "plain" | "json" | "pem", over: Partial<FakeSecret> = {}): FakeSecret {
  const c = newCanary();
  const text = shape === "json" ? JSON.stringify({ username: "app", password: c, host: "db.internal", port: 5432 }) : shape === "pem" ? `-----BEGIN OPENSSH PRIVATE KEY-----\n${c}\n-----END OPENSSH PRIVATE KEY-----\n` : c;
  values.push({ name, text });
  return fakeSecret(name, { ...over, SecretString: text });
}
function binarySecret(name: string, over: Partial<FakeSecret> = {}): FakeSecret {
  const bytes = Buffer.concat([randomBytes(8), Buffer.from(newCanary()), randomBytes(8)]);
  values.push({ name, text: bytes.toString("latin1") });
  return fakeSecret(name, { ...over, SecretString: "", SecretBinary: bytes });
}

/** New secrets in every environment (by prefix), two mapped only by tag, two that map nowhere. */
function canaryAccount(now = Date.now()): FakeSecret[] {
  const out: FakeSecret[] = [];
  for (const env of ENVS) {
    const p = PREFIX[env];
    const tags = (team: string, extra: { Key: string; Value: string }[] = []) => [{ Key: "team", Value: team }, { Key: "principals", Value: `arn:aws:iam::123456789012:role/${team}-${env}` }, ...extra];
    out.push(
      stringSecret(`${p}ledger/database/password`, "json", { Description: "Ledger Postgres credentials", RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: new Date(now - 12 * DAY), NextRotationDate: new Date(now + 18 * DAY), KmsKeyId: "alias/ledger", Tags: tags("payments") }),
      stringSecret(`${p}payments/adyen/api-key`, "plain", { Description: "Adyen API key", LastRotatedDate: new Date(now - 200 * DAY), Tags: tags("payments", [{ Key: "rotation-days", Value: "180" }]) }),
      stringSecret(`${p}ssh/ledger-deploy-key`, "pem", { Description: "Deploy key for the ledger hosts", Tags: tags("platform") }),
      stringSecret(`${p}webhooks/ledger-signing-secret`, "plain", { Description: "Signs outgoing ledger webhooks", LastRotatedDate: new Date(now - 20 * DAY), Tags: tags("commerce") }),
      binarySecret(`${p}tls/ledger-internal-cert`, { Description: "Internal mTLS certificate (binary)", Tags: tags("platform", [{ Key: "rotation", Value: "auto_renewal" }]) }),
      binarySecret(`${p}kms/ledger-data-key`, { Description: "Wrapped data key (binary)", Tags: tags("security") }),
    );
  }
  out.push(stringSecret("legacy-ledger-db", "json", { Description: "Old ledger database", Tags: [{ Key: "environment", Value: "staging" }, { Key: "type", Value: "database_password" }, { Key: "owner", Value: "payments" }] }));
  out.push(stringSecret("analytics-export-token", "plain", { Tags: [{ Key: "Environment", Value: "production" }] }));
  out.push(stringSecret("shared/ci/deploy-token", "plain", { Tags: [{ Key: "team", Value: "platform" }] }));
  out.push(binarySecret("sandbox/scratch-key"));
  return out;
}
const UNMAPPED = ["sandbox/scratch-key", "shared/ci/deploy-token"];

// ---- the scan ---------------------------------------------------------------------------

const scan = {
  needles: [] as string[],
  leaks: [] as string[],
  serverErrors: [] as string[],
  items: 0,
  bytes: 0,
  /** How long each HTTP request took (the sweep's cost is the dev server's render time). */
  timings: [] as { url: string; ms: number }[],
  /** Concrete paths requested, to prove every page and GET route was covered. */
  paths: new Set<string>(),
  check(where: string, body: string | Buffer | null | undefined) {
    if (body === null || body === undefined) return;
    const text = typeof body === "string" ? body : body.toString("utf8");
    this.items++;
    this.bytes += text.length;
    for (const n of this.needles) if (text.includes(n)) this.leaks.push(`${where}: contains ${n === RUN_MARK ? "a canary" : `the base64 of a value (${n.slice(0, 12)}…)`} near «${excerpt(text, n)}»`);
  },
};
/** The run's mark, and each value's base64 (how SecretBinary travels, and how a value could be smuggled). */
function refreshNeedles() {
  scan.needles = [RUN_MARK, ...values.filter((v) => v.text).map((v) => Buffer.from(v.text, "latin1").toString("base64"))];
}
function excerpt(text: string, needle: string) {
  const i = text.indexOf(needle);
  return text.slice(Math.max(0, i - 80), i + needle.length + 40).replace(/\s+/g, " ");
}
function expectNoLeaks() {
  expect(scan.leaks, scan.leaks.slice(0, 20).join("\n")).toEqual([]);
  expect(scan.serverErrors, scan.serverErrors.slice(0, 20).join("\n")).toEqual([]);
}

/** Runs `fn` over `items`, `n` at a time. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** GET with an HTTP client and scan the answer. */
async function fetchAndScan(ctx: APIRequestContext, who: string, url: string) {
  const started = Date.now();
  const res = await ctx.get(url, { maxRedirects: 0, timeout: 120_000 });
  scan.timings.push({ url: `${who} ${url}`, ms: Date.now() - started });
  scan.paths.add(new URL(url, "http://x").pathname);
  if (res.status() >= 500) scan.serverErrors.push(`${who} GET ${url} → ${res.status()}`);
  scan.check(`${who} GET ${url} (${res.status()})`, await res.body());
  for (const [k, v] of Object.entries(res.headers())) scan.check(`${who} GET ${url} header ${k}`, v);
  return res;
}

const SKIP_TYPES = new Set(["script", "stylesheet", "image", "font", "media", "websocket", "manifest"]);
/** Scans every document, RSC, server-action and JSON response a page receives. */
function watch(page: Page, who: string): () => Promise<void> {
  const pending: Promise<void>[] = [];
  const onResponse = (r: Response) => {
    if (SKIP_TYPES.has(r.request().resourceType())) return;
    const url = r.url();
    if (url.includes("/_next/static/") || url.includes("/__nextjs") || url.includes("/_next/webpack-hmr")) return;
    pending.push(
      (async () => {
        if (r.status() >= 500) scan.serverErrors.push(`${who} ${r.request().method()} ${url} → ${r.status()}`);
        if (r.status() >= 300 && r.status() < 400) return;
        scan.check(`${who} ${r.request().method()} ${url} (browser, ${r.headers()["content-type"] ?? "?"})`, await r.body().catch(() => null));
      })(),
    );
  };
  page.on("response", onResponse);
  return async () => {
    page.off("response", onResponse);
    await Promise.all(pending);
  };
}

// ---- the state shared by the steps --------------------------------------------------------

const fake = new FakeSecretsManager([]);
let ids: { secrets: { id: string; name: string; sourceId: string | null; env: string }[]; deployments: string[]; promotions: string[] };
let cliOutput = "";
let serverLogStart = 0;

test.beforeAll(async () => {
  const seededAws = await withDb(async (c) => (await c.query<{ name: string; description: string }>(`select name, description from "Secret" where tool = 'aws_secrets_manager' and "deletedAt" is null order by name`)).rows);
  // The account also holds the seed's AWS secrets (with canary values), so the sync updates them rather than marking them deleted.
  fake.secrets = [...seededAws.map((s) => stringSecret(s.name, s.name.includes("database") ? "json" : "plain", { Description: s.description })), ...canaryAccount()];
  refreshNeedles();
  await fake.start(fakeSecretsManagerPort());
  try {
    serverLogStart = readFileSync(path.resolve(serverLogPath())).length;
  } catch {
    serverLogStart = 0;
  }
});

test.afterAll(async () => {
  await fake.stop();
});

async function loadIds() {
  ids = await withDb(async (c) => ({
    secrets: (await c.query(`select s.id, s.name, s."sourceId", e.slug env from "Secret" s join "Environment" e on e.id = s."environmentId" order by s.name`)).rows,
    // Deployment pages are all alike: the latest per environment first, then the next ones.
    deployments: (await c.query(`select id from (select d.id, row_number() over (partition by d."environmentId" order by d."startedAt" desc) n from "Deployment" d) x where n <= 3 order by n, id`)).rows.map((r) => r.id),
    promotions: (await c.query(`select id from "Promotion" order by "createdAt" desc limit 40`)).rows.map((r) => r.id),
  }));
}

// ---- 1. sync ----------------------------------------------------------------------------------

test("Sync now and the CLI bring the fake account's metadata in, asking only ListSecrets and DescribeSecret", async ({ page }) => {
  test.setTimeout(240_000);
  const stop = watch(page, "platform@example.com (sync)");
  await signInAs(page, "platform@example.com");
  await page.goto("/secrets");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-status")).toHaveText("Succeeded", { timeout: 120_000 });
  await expect(page.getByTestId("sync-panel")).toContainText(`${fake.secrets.length} listed`);
  await stop();

  // The metadata arrived: every mapped secret exists, in the right environment, with the account's ARN.
  const rows = await withDb(async (c) => (await c.query(`select s.name, s."sourceId", s."deletedAt", e.slug env from "Secret" s join "Environment" e on e.id = s."environmentId"`)).rows);
  const byName = new Map(rows.map((r) => [r.name, r]));
  for (const s of fake.secrets.filter((x) => !UNMAPPED.includes(x.Name))) {
    const row = byName.get(s.Name);
    expect(row, s.Name).toBeDefined();
    expect(row).toMatchObject({ sourceId: s.ARN, deletedAt: null });
    const env = ENVS.find((e) => s.Name.startsWith(PREFIX[e])) ?? (s.Name === "legacy-ledger-db" ? "staging" : "production");
    expect(row.env, s.Name).toBe(env);
  }
  for (const name of UNMAPPED) expect(byName.has(name)).toBe(false);
  const run = await withDb(async (c) => (await c.query(`select status, listed, added, unmapped from "SecretSyncRun" order by "startedAt" desc limit 1`)).rows[0]);
  expect(run).toMatchObject({ status: "succeeded", listed: fake.secrets.length });
  expect(run.added).toBeGreaterThanOrEqual(20);
  expect((run.unmapped as { name: string }[]).map((u) => u.name).sort()).toEqual(UNMAPPED);

  // A change, an addition and a deletion in the account, synced by the operator's CLI.
  const changed = fake.secrets.find((s) => s.Name === "production/payments/adyen/api-key")!;
  changed.Description = "Adyen API key (rotated by hand)";
  changed.LastRotatedDate = new Date();
  changed.LastChangedDate = new Date(Date.now() + 1_000);
  fake.secrets = fake.secrets.filter((s) => s.Name !== "dev/webhooks/ledger-signing-secret");
  fake.secrets.push(stringSecret("staging/ledger/replica/password", "json", { Description: "Ledger read replica", Tags: [{ Key: "team", Value: "payments" }] }));
  refreshNeedles();

  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/portal.ts", "sync", "secrets"], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), LOG_LEVEL: "info", ...fakeAwsEnv() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (c) => (text += c));
    child.stderr.on("data", (c) => (text += c));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output: text }));
  });
  cliOutput = output;
  expect(code, output).toBe(0);
  const result = JSON.parse(output.match(/^\{\n[\s\S]*?\n\}$/m)?.[0] ?? "{}");
  expect(result).toMatchObject({ status: "succeeded", added: 1, removed: 1, unmapped: 2 });
  expect(result.updated).toBeGreaterThanOrEqual(1);

  // Not once was a value asked for.
  expect(new Set(fake.targets())).toEqual(new Set(["ListSecrets", "DescribeSecret"]));
  await loadIds();
  expect(ids.secrets.find((s) => s.name === "dev/webhooks/ledger-signing-secret")).toBeDefined();
  expectNoLeaks();
});

// ---- 2. pages ---------------------------------------------------------------------------------

/** Services whose secret layer references synced (AWS) secrets, payments' across environments too. */
const SECRET_SERVICES = ["payments", "orders"];

/**
 * Every page template and session GET route, instantiated with real ids. Platform, who may
 * read everything, gets every synced secret's page and every template (the other templates
 * only in this sweep); the other roles get what shows secret metadata, as they see it.
 */
function sweepUrls(email: string): string[] {
  const perEnv = ids.secrets.filter((s) => s.sourceId && s.name.includes("ledger/database"));
  if (email !== "platform@example.com")
    return [
      // Production is where the roles' levels differ most (dashboards, read (logs), read, full); each environment page is a heavy render.
      "/environments/production", "/secrets?deleted=show&limit=200", ...perEnv.map((s) => `/secrets/${s.id}`),
      "/compare?from=staging&to=production", "/environments/production/services/payments?layer=secret", "/environments/production/services/payments/export?layer=secret&format=json",
      `/promotions/${ids.promotions[0]}/evidence`, "/insights/csv?days=30", "/api/v1/audit/export?format=csv", "/api/auth/session",
    ];
  return [
    "/signin", "/api/auth/session", "/api/auth/providers",
    ...ENVS.map((e) => `/environments/${e}`),
    "/secrets?deleted=show&limit=200", "/secrets?rotation=never_rotated&sort=-next_rotation", ...ENVS.map((e) => `/secrets?environment=${e}&deleted=show&limit=200`),
    // Every secret the sync touched (the seed's others come from no AWS account).
    ...ids.secrets.filter((s) => s.sourceId).map((s) => `/secrets/${s.id}`),
    "/compare?from=development&to=staging", "/compare?from=staging&to=production",
    ...ENVS.flatMap((e) => SECRET_SERVICES.flatMap((svc) => [`/environments/${e}/services/${svc}?layer=secret`, `/environments/${e}/services/${svc}/export?layer=secret&format=json`])),
    ...ENVS.map((e) => `/environments/${e}/services/payments/export?layer=effective&format=env`),
    ...ids.deployments.slice(0, 3).map((d) => `/deployments/${d}`),
    ...ids.promotions.slice(0, 3).flatMap((p) => [`/promotions/${p}`, `/promotions/${p}/evidence`]),
    "/promotions/new", "/promotions/policies", "/access/users",
    "/audit?action=secret.sync.add&limit=200", "/audit?action=secret.sync.update", "/audit?action=secret.sync.remove",
    "/insights/csv?days=30", "/api/v1/audit/export?format=csv",
    // The bench's bare page of the layout: 404 here (only the bench sets PARITY_BENCH_PAGES).
    "/bench/bare",
  ];
}

for (const email of ROLE_USERS) {
  test(`no canary on any page or download as ${email}`, async ({ page, playwright, baseURL }) => {
    test.setTimeout(300_000);
    const t0 = Date.now();
    // In a browser, as a person: every item of the navigation (client-side navigations, so the
    // RSC payloads too), then a secret from the registry; every response is scanned.
    const stop = watch(page, email);
    await signInAs(page, email);
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    const hrefs = await nav.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(hrefs).toContain("/");
    for (const href of hrefs) {
      await nav.locator(`a[href="${href}"]`).click();
      await page.waitForURL((u) => u.pathname === href, { timeout: 120_000 });
      await expect(page.locator("main h1").first()).toBeVisible({ timeout: 60_000 });
      scan.paths.add(href);
      scan.check(`${email} ${href} (rendered DOM)`, await page.content());
    }
    if (hrefs.includes("/secrets")) {
      await nav.locator('a[href="/secrets"]').click();
      await page.waitForURL("**/secrets", { timeout: 60_000 });
      await page.getByTestId("secret-row").first().getByRole("link").first().click();
      await page.waitForURL(/\/secrets\/[^/?]+$/, { timeout: 60_000 });
      await expect(page.locator("main h1").first()).toBeVisible({ timeout: 60_000 });
      scan.check(`${email} ${page.url()} (rendered DOM)`, await page.content());
    }
    if (email === "platform@example.com") {
      // Not vacuous: the synced metadata is on the pages.
      await page.goto("/secrets?q=ledger&deleted=show&limit=200");
      await expect(page.getByTestId("secret-row")).toHaveCount(ids.secrets.filter((s) => s.name.includes("ledger")).length);
      const synced = ids.secrets.find((s) => s.name === "production/ledger/database/password")!;
      await page.goto(`/secrets/${synced.id}`);
      await expect(page.getByText(synced.sourceId!).first()).toBeVisible();
      await page.goto("/audit");
      await page.getByRole("button", { name: "Verify chain" }).click();
      await expect(page.getByTestId("chain-status")).toHaveText(/Intact|Broken/, { timeout: 60_000 });
    }
    await stop();

    // Over HTTP: every other page template and download.
    const t1 = Date.now();
    const ctx = await sessionFor(playwright, baseURL!, email);
    const urls = sweepUrls(email);
    await pool(urls, 3, async (url) => void (await fetchAndScan(ctx, email, url)));
    await ctx.dispose();
    console.log(`secret canary: ${email}: ${hrefs.length} pages in the browser ${((t1 - t0) / 1000).toFixed(0)} s, ${urls.length} over HTTP ${((Date.now() - t1) / 1000).toFixed(0)} s`);
    expectNoLeaks();
  });
}

test("no canary on the sign-in page or the public routes, signed out", async ({ playwright, baseURL }) => {
  const ctx = await playwright.request.newContext({ baseURL });
  for (const url of ["/signin", "/api/health", "/api/openapi.json", "/api/auth/providers", "/api/auth/session", "/", "/secrets"]) await fetchAndScan(ctx, "anonymous", url);
  await ctx.dispose();
  expectNoLeaks();
});

// ---- 3. the API -------------------------------------------------------------------------------

/** Follows nextCursor to the end (at most `max` pages). */
async function allPages(ctx: APIRequestContext, who: string, url: string, max: number) {
  let cursor: string | null = null;
  for (let i = 0; i < max; i++) {
    const res = await fetchAndScan(ctx, who, cursor ? `${url}${url.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}` : url);
    if (res.status() !== 200) return;
    cursor = ((await res.json()) as { nextCursor?: string | null }).nextCursor ?? null;
    if (!cursor) return;
  }
}

const TOKENS: [string, string][] = [...ROLE_USERS.map((e): [string, string] => [e, USER_TOKENS[e]]), ["ci token", CI_TOKEN]];
test("no canary in any API response, for any token", async ({ playwright, baseURL }) => {
  test.setTimeout(300_000);
  for (const [who, token] of TOKENS) {
    const all = who === "platform@example.com";
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    await allPages(api, who, "/api/v1/secrets?deleted=show&limit=200", 5);
    await allPages(api, who, "/api/v1/audit?limit=500", all ? 5 : 1);
    const perEnv = ids.secrets.filter((s) => s.sourceId && s.name.includes("ledger/database"));
    const singles = [
      "/api/v1/environments", "/api/v1/audit/verify", "/api/v1/audit/export?format=json", "/api/v1/compare?from=staging&to=production",
      "/api/v1/environments/production/services/payments/config", "/environments/production/services/payments/export?layer=secret&format=json",
      `/api/v1/promotions/${ids.promotions[0]}`, `/api/v1/promotions/${ids.promotions[0]}/evidence`,
      ...(all ? ids.secrets.filter((s) => s.sourceId) : perEnv).map((s) => `/api/v1/secrets/${s.id}`),
      ...(all
        ? [
            "/api/health", "/api/openapi.json", "/api/v1/deployments", "/api/v1/promotions", "/api/v1/audit/export?format=csv", "/api/v1/compare?from=development&to=staging",
            ...ENVS.map((e) => `/api/v1/secrets?environment=${e}&deleted=show&limit=200`),
            ...ENVS.flatMap((e) => SECRET_SERVICES.map((svc) => `/api/v1/environments/${e}/services/${svc}/config`)),
            ...ids.promotions.slice(1, 3).flatMap((p) => [`/api/v1/promotions/${p}`, `/api/v1/promotions/${p}/evidence`]),
          ]
        : []),
    ];
    await pool(singles, 3, async (url) => void (await fetchAndScan(api, who, url)));
    if (all) {
      // Not vacuous: the API lists the synced secrets with their ARNs.
      const list = await (await api.get("/api/v1/secrets?q=ledger&deleted=show&limit=200")).json();
      expect((list.data as { name: string }[]).length).toBe(ids.secrets.filter((s) => s.name.includes("ledger")).length);
      const one = ids.secrets.find((s) => s.name === "staging/ledger/database/password")!;
      expect((await (await api.get(`/api/v1/secrets/${one.id}`)).json()).data).toMatchObject({ name: one.name, sourceId: one.sourceId });
    }
    await api.dispose();
  }
  expectNoLeaks();
});

// ---- 4. everything else ---------------------------------------------------------------------

test("every page and GET route was swept", async () => {
  const { pages, getRoutes } = appRoutes();
  const missed = [...pages, ...getRoutes].filter((t) => ![...scan.paths].some((p) => matchesTemplate(p, t)));
  expect(missed, "add these to the canary sweep").toEqual([]);
});

test("no canary in the database, the server log or the CLI output; the fake was never asked for a value but would have answered", async () => {
  test.setTimeout(180_000);
  // Every row of every table in every schema (public, pgboss, …), as text.
  const tables = await withDb(async (c) => {
    const list = (await c.query<{ schemaname: string; tablename: string }>(`select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`)).rows;
    let rows = 0;
    for (const t of list) {
      const res = await c.query<{ r: string }>(`select t::text r from "${t.schemaname}"."${t.tablename}" t`);
      rows += res.rows.length;
      scan.check(`database ${t.schemaname}.${t.tablename}`, res.rows.map((r) => r.r).join("\n"));
    }
    return { count: list.length, rows };
  });
  expect(tables.count).toBeGreaterThan(10);
  const metadata = await withDb(async (c) => (await c.query(`select count(*)::int n from "Secret" where name like '%ledger%'`)).rows[0].n);
  expect(metadata).toBe(ids.secrets.filter((s) => s.name.includes("ledger")).length);
  expect(metadata).toBe(17);

  // The server's own output during this spec (it logs at info: every API request, every sync).
  const log = readFileSync(path.resolve(serverLogPath())).subarray(serverLogStart).toString("utf8");
  expect(log).toContain("secret sync finished");
  expect(log).toContain('"msg":"api"');
  scan.check("server log", log);
  expect(cliOutput).toContain("secret sync finished");
  scan.check("CLI output", cliOutput);

  // The fake was asked for lists and descriptions only…
  expect(new Set(fake.targets())).toEqual(new Set(["ListSecrets", "DescribeSecret"]));
  expectNoLeaks();

  // …and it really holds the canaries: asked for a value, it hands it over.
  const call = async (target: string, body: unknown) =>
    (await fetch(fake.url, { method: "POST", headers: { "x-amz-target": `secretsmanager.${target}`, "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(body) })).text();
  const plain = fake.secrets.find((s) => s.Name === "production/payments/adyen/api-key")!;
  expect(await call("GetSecretValue", { SecretId: plain.ARN })).toContain(RUN_MARK);
  const binary = fake.secrets.find((s) => s.SecretBinary)!;
  expect(await call("GetSecretValue", { SecretId: binary.Name })).toContain(binary.SecretBinary!.toString("base64"));
  const batch = await call("BatchGetSecretValue", { SecretIdList: fake.secrets.map((s) => s.ARN) });
  expect(batch.split(RUN_MARK).length - 1).toBe(fake.secrets.filter((s) => !s.SecretBinary).length);
  const slowest = [...scan.timings].sort((a, b) => b.ms - a.ms).slice(0, 8).map((t) => `${t.url} ${t.ms} ms`);
  if (process.env.E2E_VERBOSE) console.log(`secret canary: slowest requests:\n  ${slowest.join("\n  ")}`);
  console.log(`secret canary: ${fake.secrets.length} secrets, ${scan.items} responses/rows/logs scanned (${(scan.bytes / 1e6).toFixed(1)} MB), ${tables.rows} rows in ${tables.count} tables`);
});
