import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { principalFor, testDb } from "@/tests/support/db";
import { FakeSecretsManager, canaryFor, fakeSecret, realisticSecrets } from "@/tests/support/fake-secrets-manager";
import { beginSyncRun } from "@/lib/data/secrets/sync-runs";
import { verifyAuditChain } from "@/lib/data/audit/verify-audit-chain";
import { runSecretSync, type SyncOptions } from "./run-sync";

process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFORTESTS";
process.env.AWS_SECRET_ACCESS_KEY = "fake-secret-access-key-for-tests";

const DAY = 86_400_000;
const fake = new FakeSecretsManager(realisticSecrets(300));
const sync = (over: Partial<SyncOptions> = {}) =>
  runSecretSync({ trigger: "cli", actor: null, clientOptions: { endpoint: fake.url, maxAttempts: 3 }, backoffMs: 10, ...over });

/** Every row of every table in this file's database, as text. */
async function dumpDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const tables = await client.query<{ schemaname: string; tablename: string }>(`select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`);
  let text = "";
  for (const t of tables.rows) {
    const rows = await client.query(`select row_to_json(x)::text as j from "${t.schemaname}"."${t.tablename}" x`);
    text += rows.rows.map((r) => r.j).join("\n");
  }
  await client.end();
  return text;
}

async function secretsSnapshot() {
  return testDb.secret.findMany({ orderBy: { name: "asc" }, select: { name: true, environmentId: true, sourceId: true, lastRotatedAt: true, deletedAt: true, updatedAt: true } });
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
const everyCall: string[] = [];
beforeEach(() => {
  everyCall.push(...fake.targets());
  fake.calls.length = 0;
});

describe("secret sync against the Secrets Manager wire protocol", () => {
  it("a full sync lists every page, describes each new secret, maps by prefix and tag, reports the unmapped", async () => {
    const result = await sync();
    expect(result).toMatchObject({ status: "succeeded", listed: 300, unmapped: 3, removed: 0 });
    expect(fake.targets().filter((t) => t === "ListSecrets")).toHaveLength(3);
    expect(fake.calls.filter((c) => c.target === "ListSecrets").map((c) => Boolean(c.body.NextToken))).toEqual([false, true, true]);
    expect(fake.targets().filter((t) => t === "DescribeSecret")).toHaveLength(300);

    const legacy = await testDb.secret.findUniqueOrThrow({ where: { name: "legacy-billing-db" }, select: { environment: { select: { slug: true } }, type: true, origin: true } });
    expect(legacy).toMatchObject({ environment: { slug: "staging" }, type: "database_password", origin: "aws" });
    const tagged = await testDb.secret.findUniqueOrThrow({ where: { name: "reporting/api-token" }, select: { environment: { select: { slug: true } } } });
    expect(tagged.environment.slug).toBe("development");
    expect(await testDb.secret.findUnique({ where: { name: "shared/ci/github-token" } })).toBeNull();

    const run = await testDb.secretSyncRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "succeeded", listed: 300, added: result.added, updated: result.updated, removed: 0 });
    expect(run.finishedAt).not.toBeNull();
    expect((run.unmapped as { name: string }[]).map((u) => u.name).sort()).toEqual(["qa-env/database/password", "sandbox/experiment-key", "shared/ci/github-token"]);
    // The seed's AWS secrets were matched by name and took the account's ARNs.
    const seeded = await testDb.secret.findUniqueOrThrow({ where: { name: "production/database/password" }, select: { sourceId: true, deletedAt: true } });
    expect(seeded).toEqual({ sourceId: fake.secrets.find((s) => s.Name === "production/database/password")!.ARN, deletedAt: null });
    expect(result.added + result.updated).toBe(297);
    expect(await testDb.auditEvent.count({ where: { action: "secret.sync.add" } })).toBe(result.added);
    // Secrets from other tools are not the sync's to touch.
    expect(await testDb.secret.count({ where: { tool: { not: "aws_secrets_manager" }, deletedAt: { not: null } } })).toBe(0);
  });

  it("a second sync with nothing changed describes only the unmapped (unknown) ones and changes nothing", async () => {
    const before = await secretsSnapshot();
    const result = await sync();
    expect(result).toMatchObject({ status: "succeeded", added: 0, updated: 0, removed: 0 });
    expect(fake.calls.filter((c) => c.target === "DescribeSecret").map((c) => String(c.body.SecretId).split(":secret:")[1].slice(0, -7)).sort()).toEqual([
      "qa-env/database/password",
      "sandbox/experiment-key",
      "shared/ci/github-token",
    ]);
    expect((await secretsSnapshot()).map(({ updatedAt: _u, ...r }) => r)).toEqual(before.map(({ updatedAt: _u, ...r }) => r));
  });

  it("an incremental sync adds, updates (rotation) and marks a secret gone from AWS as deleted, audited", async () => {
    const now = Date.now();
    const rotated = fake.secrets.find((s) => s.Name === "production/database/password")!;
    rotated.LastRotatedDate = new Date(now - DAY);
    rotated.NextRotationDate = new Date(now + 29 * DAY);
    rotated.LastChangedDate = new Date(now);
    const removedName = "staging/stripe/api-key";
    fake.secrets = fake.secrets.filter((s) => s.Name !== removedName);
    fake.secrets.push(fakeSecret("production/new-service/api-key", { Tags: [{ Key: "owner", Value: "search" }] }));

    const result = await sync();
    expect(result).toMatchObject({ status: "succeeded", added: 1, updated: 1, removed: 1 });
    expect(fake.targets().filter((t) => t === "DescribeSecret")).toHaveLength(2 + 3);

    const gone = await testDb.secret.findUniqueOrThrow({ where: { name: removedName }, select: { id: true, deletedAt: true } });
    expect(gone.deletedAt).not.toBeNull();
    const events = await testDb.auditEvent.findMany({ where: { targetType: "secret", action: { in: ["secret.sync.remove", "secret.sync.update"] } }, orderBy: { id: "desc" }, take: 2 });
    expect(events.map((e) => e.action).sort()).toEqual(["secret.sync.remove", "secret.sync.update"]);
    expect(events.every((e) => e.actorLabel === "system:secrets-sync")).toBe(true);
    const updated = await testDb.secret.findUniqueOrThrow({ where: { name: "production/database/password" }, select: { lastRotatedAt: true, nextRotationAt: true } });
    expect(updated.lastRotatedAt?.getTime()).toBe(rotated.LastRotatedDate.getTime());

    // Brought back in AWS: the same row is revived, not duplicated.
    fake.secrets.push(fakeSecret(removedName));
    const again = await sync();
    expect(again).toMatchObject({ status: "succeeded", updated: 1 });
    expect((await testDb.secret.findUniqueOrThrow({ where: { name: removedName } })).deletedAt).toBeNull();
  });

  it("retries throttling: the SDK per call, then the whole run with backoff", async () => {
    fake.throttle("ListSecrets", 2);
    const first = await sync();
    expect(first).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(fake.targets().slice(0, 3)).toEqual(["ListSecrets", "ListSecrets", "ListSecrets"]);

    fake.calls.length = 0;
    fake.throttle("ListSecrets", 3, 1); // page 2 fails for all 3 SDK attempts of the first run attempt
    const second = await sync({ runAttempts: 3 });
    expect(second).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("retries a dropped connection", async () => {
    fake.inject("ListSecrets", { kind: "reset" }, 1);
    expect(await sync()).toMatchObject({ status: "succeeded" });
  });

  it("a run that keeps failing mid-listing changes nothing and records a clear error", async () => {
    fake.secrets.push(fakeSecret("dev/should-not-appear/api-key"));
    const before = await secretsSnapshot();
    const auditBefore = await testDb.auditEvent.count();
    fake.throttle("ListSecrets", 100, 2); // the third page never comes
    const result = await sync({ runAttempts: 2, clientOptions: { endpoint: fake.url, maxAttempts: 2 } });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/ThrottlingException.*throttled.*after 2 attempts/);
    expect(await secretsSnapshot()).toEqual(before);
    expect(await testDb.auditEvent.count()).toBe(auditBefore);
    const run = await testDb.secretSyncRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "failed", added: 0, updated: 0, removed: 0 });
    expect(run.listed).toBeGreaterThan(0);
  });

  it("a malformed response fails clearly without retrying forever, writes nothing and quotes nothing of the body", async () => {
    fake.clearFaults(); // the previous test's throttling outlived its run
    const before = await secretsSnapshot();
    fake.inject("ListSecrets", { kind: "malformed" }, 1, 1);
    const result = await sync({ runAttempts: 1 });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/could not be parsed|unexpected way/);
    expect(result.error).not.toContain("broken");
    expect(await secretsSnapshot()).toEqual(before);
    fake.secrets = fake.secrets.filter((s) => s.Name !== "dev/should-not-appear/api-key");
  });

  it("a secret deleted between list and describe is marked deleted", async () => {
    fake.clearFaults();
    const target = fake.secrets.find((s) => s.Name === "dev/datadog/api-key")!;
    target.LastChangedDate = new Date(); // so the sync describes it
    fake.inject("DescribeSecret", { kind: "error", type: "ResourceNotFoundException", status: 400, message: "Secrets Manager can't find the specified secret." }, 1);
    const result = await sync();
    expect(result).toMatchObject({ status: "succeeded", removed: 1 });
    expect((await testDb.secret.findUniqueOrThrow({ where: { name: "dev/datadog/api-key" } })).deletedAt).not.toBeNull();
  });

  it("refuses a second run while one is in progress, and anyone but platform", async () => {
    const open = await beginSyncRun("manual", null);
    await expect(sync()).rejects.toMatchObject({ code: "CONFLICT" });
    await testDb.secretSyncRun.update({ where: { id: open.id }, data: { status: "failed", finishedAt: new Date() } });
    await expect(sync({ actor: await principalFor("dev@example.com") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await sync({ actor: await principalFor("platform@example.com"), trigger: "manual" })).toMatchObject({ status: "succeeded" });
  });

  it("never asked for a value, and no canary value reached the database", async () => {
    const all = [...everyCall, ...fake.targets()];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all)).toEqual(new Set(["ListSecrets", "DescribeSecret"]));
    expect(all).not.toContain("GetSecretValue");
    expect(all).not.toContain("BatchGetSecretValue");
    const dump = await dumpDatabase();
    expect(dump).toContain("legacy-billing-db");
    expect(dump).not.toContain("CANARY-VALUE");
    expect(dump).not.toContain(canaryFor("production/database/password"));
  });

  it("the batched audit events keep the audit chain intact", async () => {
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
