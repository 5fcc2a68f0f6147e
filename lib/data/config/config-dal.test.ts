import { describe, expect, it } from "vitest";
import { principalFor, testDb, envId } from "@/tests/support/db";
import { getServiceConfig } from "./get-service-config";
import { listEnvironmentConfig } from "./list-environment-config";
import { saveConfigEntry } from "./save-config-entry";
import { restoreConfigVersion } from "./restore-config-version";
import { listKeyHistory } from "./list-key-history";
import { applyImport, previewImport } from "./import-layer";
import { exportConfig } from "./export-config";

const save = { comment: "", delete: false, value: "" };

describe("reading config: visibility per role", () => {
  it("qa cannot see development at all (404, not 403)", async () => {
    const qa = await principalFor("qa@example.com");
    await expect(getServiceConfig(qa, "development", "checkout")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listEnvironmentConfig(qa, "development")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the environment's config comes a page of services at a time (keyset by slug), every service exactly once", async () => {
    const platform = await principalFor("platform@example.com");
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listEnvironmentConfig(platform, "production", { after, limit: 5 });
      expect(page.total).toBe(await testDb.service.count());
      expect(page.services.length).toBeLessThanOrEqual(5);
      seen.push(...page.services.map((s) => s.slug));
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(await testDb.service.count());
    const search = (await listEnvironmentConfig(platform, "production", { after: "s", limit: 1 })).services[0];
    expect(search.slug).toBe("search");
    expect(search.keys.find((k) => k.key === "LOG_LEVEL")?.value).toBe("debug");
  });

  it("an executive (dashboards on production) may not read its config", async () => {
    const exec = await principalFor("exec@example.com");
    await expect(getServiceConfig(exec, "production", "checkout")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a developer (read logs on production) sees non-secret config but no secret references", async () => {
    const dev = await principalFor("dev@example.com");
    const cfg = await getServiceConfig(dev, "production", "payments");
    expect(cfg.secretsVisible).toBe(false);
    expect(cfg.canEdit).toBe(false);
    expect(cfg.layers.secret).toEqual([]);
    const db = cfg.keys.find((k) => k.key === "DATABASE_PASSWORD")!;
    expect(db).toMatchObject({ layer: "secret", value: null, secret: null });
    expect(JSON.stringify(cfg)).not.toContain("production/database/password");
  });

  it("qa (read on production) sees the reference and its metadata, never a value", async () => {
    const qa = await principalFor("qa@example.com");
    const cfg = await getServiceConfig(qa, "production", "payments");
    const db = cfg.keys.find((k) => k.key === "DATABASE_PASSWORD")!;
    expect(db.value).toBe("production/database/password");
    expect(db.secret).toMatchObject({ name: "production/database/password", type: "database_password", rotationPolicy: "automatic" });
  });

  it("resolves by precedence with provenance and what was overridden", async () => {
    const platform = await principalFor("platform@example.com");
    const cfg = await getServiceConfig(platform, "production", "search");
    expect(cfg.precedence).toEqual(["flag", "env", "secret", "file", "default"]);
    const log = cfg.keys.find((k) => k.key === "LOG_LEVEL")!;
    expect(log).toMatchObject({ value: "debug", layer: "env" });
    expect(log.overrode.map((o) => `${o.layer}:${o.value}`)).toEqual(["default:info"]);
  });

  it("masks a secret-looking value in a plain layer", async () => {
    const platform = await principalFor("platform@example.com");
    const cfg = await getServiceConfig(platform, "staging", "notifications");
    const k = cfg.keys.find((x) => x.key === "SENDGRID_API_KEY")!;
    expect(k.masked).toBe(true);
    expect(k.value).not.toContain("7dFgJ0aSeR5t");
  });

  it("follows the organisation's precedence setting", async () => {
    await testDb.orgSetting.update({ where: { id: 1 }, data: { precedence: ["default", "file", "secret", "env", "flag"] } });
    try {
      const platform = await principalFor("platform@example.com");
      const cfg = await getServiceConfig(platform, "production", "search");
      expect(cfg.keys.find((k) => k.key === "LOG_LEVEL")).toMatchObject({ value: "info", layer: "default" });
    } finally {
      await testDb.orgSetting.update({ where: { id: 1 }, data: { precedence: ["flag", "env", "secret", "file", "default"] } });
    }
  });
});

describe("editing", () => {
  it("saves a new version with author and comment, audited", async () => {
    const platform = await principalFor("platform@example.com");
    const r = await saveConfigEntry(platform, { ...save, env: "production", service: "checkout", layer: "flag", key: "features.newCheckout", value: "true", expectedVersion: 1, comment: "Launch" });
    expect(r.version).toBe(2);
    const history = await listKeyHistory(platform, { env: "production", service: "checkout", layer: "flag", key: "features.newCheckout" });
    expect(history.versions.map((v) => [v.version, v.value, v.comment, v.author])).toEqual([
      [2, "true", "Launch", "Pat Platform"],
      [1, "false", "Imported by the demo seed", "Pat Platform"],
    ]);
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "config.set" }, orderBy: { id: "desc" } });
    expect(event.actorLabel).toBe("platform@example.com");
    expect(event.before).toMatchObject({ key: "features.newCheckout", value: "false", version: 1 });
    expect(event.after).toMatchObject({ value: "true", version: 2, comment: "Launch" });
  });

  it("refuses a stale version: the second save gets a conflict and nothing is overwritten", async () => {
    const a = await principalFor("platform@example.com");
    const b = await principalFor("platform2@example.com");
    const base = { ...save, env: "staging", service: "orders", layer: "env" as const, key: "PORT" };
    await saveConfigEntry(a, { ...base, value: "9000", expectedVersion: 1 });
    await expect(saveConfigEntry(b, { ...base, value: "9100", expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await testDb.configEntry.findFirstOrThrow({ where: { key: "PORT", layer: "env", service: { slug: "orders" }, environment: { slug: "staging" } } });
    expect(row).toMatchObject({ value: "9000", version: 2 });
  });

  it("two concurrent saves of the same version: exactly one wins", async () => {
    const a = await principalFor("platform@example.com");
    const b = await principalFor("platform2@example.com");
    const base = { ...save, env: "staging", service: "search", layer: "env" as const, key: "PORT", expectedVersion: 1 };
    const results = await Promise.allSettled([saveConfigEntry(a, { ...base, value: "1" }), saveConfigEntry(b, { ...base, value: "2" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
  });

  it("adds a new key (version 0), deletes it, and a second add of the same new key conflicts", async () => {
    const platform = await principalFor("platform@example.com");
    const base = { ...save, env: "production", service: "auth", layer: "env" as const, key: "NEW_KEY" };
    expect((await saveConfigEntry(platform, { ...base, value: "x", expectedVersion: 0 })).version).toBe(1);
    await expect(saveConfigEntry(platform, { ...base, value: "y", expectedVersion: 0 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await saveConfigEntry(platform, { ...base, delete: true, expectedVersion: 1 })).version).toBe(2);
    const cfg = await getServiceConfig(platform, "production", "auth");
    expect(cfg.keys.find((k) => k.key === "NEW_KEY")).toBeUndefined();
    // Re-adding a deleted key: the editor saw "not set".
    expect((await saveConfigEntry(platform, { ...base, value: "z", expectedVersion: 0 })).version).toBe(3);
  });

  it("restores an earlier version as a new version, audited", async () => {
    const platform = await principalFor("platform@example.com");
    const base = { ...save, env: "production", service: "orders", layer: "env" as const, key: "DB_POOL_MAX" };
    await saveConfigEntry(platform, { ...base, value: "80", expectedVersion: 1 });
    const r = await restoreConfigVersion(platform, { env: "production", service: "orders", layer: "env", key: "DB_POOL_MAX", version: 1, expectedVersion: 2, comment: "" });
    expect(r.version).toBe(3);
    const row = await testDb.configEntry.findFirstOrThrow({ where: { key: "DB_POOL_MAX", layer: "env", service: { slug: "orders" }, environment: { slug: "production" } } });
    expect(row.value).toBe("50");
    expect(await testDb.auditEvent.count({ where: { action: "config.restore" } })).toBe(1);
    await expect(restoreConfigVersion(platform, { env: "production", service: "orders", layer: "env", key: "DB_POOL_MAX", version: 1, expectedVersion: 2, comment: "" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("only `full` may edit: developer on production and qa on development get 404", async () => {
    const dev = await principalFor("dev@example.com");
    const qa = await principalFor("qa@example.com");
    const input = { ...save, env: "production", service: "checkout", layer: "flag" as const, key: "features.newCheckout", value: "true", expectedVersion: 1 };
    const audits = await testDb.auditEvent.count();
    await expect(saveConfigEntry(dev, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveConfigEntry(qa, { ...input, env: "development" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restoreConfigVersion(dev, { env: "production", service: "checkout", layer: "flag", key: "features.newCheckout", version: 1, expectedVersion: 1, comment: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.auditEvent.count()).toBe(audits);
  });

  it("hides secret-layer history below view_secrets", async () => {
    const dev = await principalFor("dev@example.com");
    await expect(listKeyHistory(dev, { env: "production", service: "payments", layer: "secret", key: "DATABASE_PASSWORD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("import", () => {
  const base = { env: "development", service: "inventory", layer: "env" as const, format: "auto" as const, mode: "merge" as const, comment: "" };

  it("previews, then applies all changes in one go, audited once", async () => {
    const dev = await principalFor("dev@example.com");
    const text = "PORT=3001\nNODE_ENV=development\nNEW_ONE=hello\n";
    const preview = await previewImport(dev, { ...base, text, filename: ".env" });
    if (!preview.ok) throw new Error("expected ok");
    expect(preview.counts).toEqual({ add: 1, change: 1, remove: 0, unchanged: 1 });
    const r = await applyImport(dev, { ...base, text, filename: ".env", basis: preview.basis });
    expect(r).toEqual({ added: 1, changed: 1, removed: 0 });
    const cfg = await getServiceConfig(dev, "development", "inventory");
    expect(cfg.keys.find((k) => k.key === "PORT")?.value).toBe("3001");
    expect(await testDb.auditEvent.count({ where: { action: "config.import" } })).toBe(1);
  });

  it("replace mode removes keys not in the file", async () => {
    const dev = await principalFor("dev@example.com");
    const text = '{"NODE_ENV": "development"}';
    const preview = await previewImport(dev, { ...base, service: "search", text, mode: "replace" });
    if (!preview.ok) throw new Error("expected ok");
    expect(preview.changes.filter((c) => c.kind === "remove").map((c) => c.key).sort()).toEqual(["DB_POOL_MAX", "DB_POOL_MIN", "PORT", "REDIS_URL"]);
    await applyImport(dev, { ...base, service: "search", text, mode: "replace", basis: preview.basis });
    const left = await testDb.configEntry.findMany({ where: { layer: "env", deleted: false, service: { slug: "search" }, environment: { slug: "development" } }, select: { key: true } });
    expect(left.map((l) => l.key)).toEqual(["NODE_ENV"]);
  });

  it("a bad file is refused with line numbers and nothing is applied", async () => {
    const dev = await principalFor("dev@example.com");
    const text = "PORT=1\nPORT=2\n9BAD=x\n";
    const preview = await previewImport(dev, { ...base, text });
    expect(preview).toMatchObject({ ok: false });
    if (preview.ok) return;
    expect(preview.errors.map((e) => e.line)).toEqual([2, 3]);
    const before = await testDb.configVersion.count();
    await expect(applyImport(dev, { ...base, text, basis: "whatever" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.configVersion.count()).toBe(before);
  });

  it("a stale preview is a conflict and nothing is half-applied", async () => {
    const dev = await principalFor("dev@example.com");
    const text = "PORT=4000\nBRAND_NEW=1\n";
    const preview = await previewImport(dev, { ...base, service: "orders", text });
    if (!preview.ok) throw new Error("expected ok");
    await saveConfigEntry(dev, { ...save, env: "development", service: "orders", layer: "env", key: "REDIS_URL", value: "redis://x:6379", expectedVersion: 1 });
    const before = await testDb.configVersion.count();
    await expect(applyImport(dev, { ...base, service: "orders", text, basis: preview.basis })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.configVersion.count()).toBe(before);
    expect(await testDb.configEntry.count({ where: { key: "BRAND_NEW" } })).toBe(0);
  });

  it("refuses secret values in the secret layer", async () => {
    const dev = await principalFor("dev@example.com");
    const preview = await previewImport(dev, { ...base, layer: "secret", text: "DATABASE_PASSWORD=hunter2hunter2\nOK=dev/database/password\n" });
    expect(preview).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });

  it("needs `manage`", async () => {
    const dev = await principalFor("dev@example.com");
    await expect(previewImport(dev, { ...base, env: "production", text: "A=1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("export", () => {
  it("exports the effective config as .env and a layer as JSON, without hidden references", async () => {
    const dev = await principalFor("dev@example.com");
    const env = await exportConfig(dev, { env: "production", service: "payments", layer: "effective", format: "env" });
    expect(env.body).toContain("LOG_LEVEL=warn");
    expect(env.body).not.toContain("production/database/password");
    const json = await exportConfig(dev, { env: "production", service: "payments", layer: "file", format: "json" });
    expect(JSON.parse(json.body)).toMatchObject({ "server.port": "8080" });
    expect(await envId("production")).toBeTruthy();
  });
});

describe("layer history", () => {
  it("lists a layer's changes newest first, keyset-paginated without duplicates", async () => {
    const { listLayerHistory } = await import("./list-layer-history");
    const platform = await principalFor("platform@example.com");
    for (let i = 0; i < 3; i++) await saveConfigEntry(platform, { ...save, env: "staging", service: "auth", layer: "file", key: "server.timeout", value: String(50000 + i), expectedVersion: i + 1, comment: `step ${i}` });
    const first = await listLayerHistory(platform, { env: "staging", service: "auth", layer: "file" });
    expect(first.changes[0]).toMatchObject({ key: "server.timeout", version: 4, comment: "step 2", author: "Pat Platform" });
    const seen = [...first.changes];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await listLayerHistory(platform, { env: "staging", service: "auth", layer: "file", cursor });
      seen.push(...next.changes);
      cursor = next.nextCursor;
    }
    const ids = seen.map((c) => `${c.key}@${c.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("database.ssl@1");
    const dev = await principalFor("dev@example.com");
    await expect(listLayerHistory(dev, { env: "production", service: "auth", layer: "secret" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
