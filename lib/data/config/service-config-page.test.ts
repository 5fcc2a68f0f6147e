import { describe, expect, it } from "vitest";
import { principalFor, testDb, envId } from "@/tests/support/db";
import { getServiceConfig, getServiceConfigPage, type ServiceConfigPageQuery } from "./get-service-config";
import { saveConfigEntry } from "./save-config-entry";

// staging/checkout in the demo seed: 18 effective keys, 7 in the env layer.
const page = (email: string, query: Partial<ServiceConfigPageQuery> = {}, env = "staging", service = "checkout") =>
  principalFor(email).then((p) => getServiceConfigPage(p, env, service, { per: 50, ...query }));

describe("the service config page: keyset pages and the key filter", () => {
  it("walks every effective key exactly once, a page at a time, in key order", async () => {
    const all = (await page("platform@example.com")).keys;
    expect(all.total).toBe(18);
    expect(all.items).toHaveLength(18);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { keys } = await page("platform@example.com", { per: 5, after });
      expect(keys.items.length).toBeLessThanOrEqual(5);
      expect(keys).toMatchObject({ total: 18, matched: 18, start: seen.length });
      seen.push(...keys.items.map((k) => k.key));
      if (!keys.nextAfter) break;
      after = keys.nextAfter;
    }
    expect(seen).toEqual(all.items.map((k) => k.key));
  });

  it("filters by a case-insensitive part of the key name, in the effective table and the layer's entries", async () => {
    const cfg = await page("platform@example.com", { q: "POOL", layer: "env" });
    expect(cfg.keys.items.map((k) => k.key)).toEqual(["DB_POOL_MAX", "DB_POOL_MIN", "database.pool.max", "database.pool.min"]);
    expect(cfg.keys).toMatchObject({ matched: 4, total: 18, nextAfter: null });
    expect(cfg.entries.items.map((e) => e.key)).toEqual(["DB_POOL_MAX", "DB_POOL_MIN"]);
    expect(cfg.entries).toMatchObject({ matched: 2, total: 7 });
    // The tabs count the whole layer, not the filtered part.
    expect(cfg.layerSizes.env).toBe(7);
    const none = await page("platform@example.com", { q: "no-such-key" });
    expect(none.keys).toMatchObject({ items: [], matched: 0, total: 18 });
  });

  it("a linked key lands on the page that holds it; the layer's entries page on their own cursor", async () => {
    const cfg = await page("platform@example.com", { per: 5, key: "server.timeout", layer: "env" });
    expect(cfg.keys.items.map((k) => k.key)).toContain("server.timeout");
    expect(cfg.keys.start % 5).toBe(0);
    const first = await page("platform@example.com", { per: 3, layer: "env" });
    const second = await page("platform@example.com", { per: 3, layer: "env", lafter: first.entries.nextAfter! });
    expect(second.entries.start).toBe(3);
    expect(second.keys.start).toBe(0);
    expect(new Set([...first.entries.items, ...second.entries.items].map((e) => e.key)).size).toBe(6);
  });

  it("opens an edit form only for full access, and only for a key of the selected layer", async () => {
    const edit = { layer: "flag" as const, edit: "features.newCheckout" };
    expect((await page("platform@example.com", edit, "production")).editing).toMatchObject({ key: "features.newCheckout", version: 1 });
    expect((await page("dev@example.com", edit, "production")).editing).toBeNull();
    expect((await page("platform@example.com", { ...edit, layer: "env" }, "production")).editing).toBeNull();
  });

  it("shows the secret layer only to who may see secrets (a requested hidden layer falls back to flags)", async () => {
    const dev = await page("dev@example.com", { layer: "secret" }, "production", "payments");
    expect(dev.layer).toBe("flag");
    expect(dev.visibleLayers).not.toContain("secret");
    expect(dev.layerSizes.secret).toBeUndefined();
    expect(JSON.stringify(dev)).not.toContain("production/database/password");
    const qa = await page("qa@example.com", { layer: "secret" }, "production", "payments");
    expect(qa.layer).toBe("secret");
    expect(qa.entries.items.map((e) => e.value)).toContain("production/database/password");
    expect(qa.keys.items.find((k) => k.key === "DATABASE_PASSWORD")?.secret).toMatchObject({ name: "production/database/password" });
  });

  it("an invisible environment is a 404, cached or not", async () => {
    await page("platform@example.com", {}, "development");
    await expect(page("qa@example.com", {}, "development")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(page("exec@example.com", {}, "production")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(page("platform@example.com", {}, "production", "no-such-service")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the cached config data", () => {
  it("is fresh right after a write: a saved value, a raw update and a precedence change show on the next read", async () => {
    const platform = await principalFor("platform@example.com");
    const value = async () => (await getServiceConfig(platform, "production", "checkout")).keys.find((k) => k.key === "features.newCheckout");
    expect(await value()).toMatchObject({ value: "false", layer: "flag" });
    expect(await value()).toMatchObject({ value: "false" });
    await saveConfigEntry(platform, { env: "production", service: "checkout", layer: "flag", key: "features.newCheckout", value: "true", expectedVersion: 1, comment: "", delete: false });
    expect(await value()).toMatchObject({ value: "true", layer: "flag" });
    const pageView = await getServiceConfigPage(platform, "production", "checkout", { per: 50, layer: "flag", edit: "features.newCheckout" });
    expect(pageView.editing).toMatchObject({ value: "true", version: 2 });

    // Not through the DAL at all: the generation triggers still see it.
    await testDb.configEntry.updateMany({ where: { key: "features.newCheckout", layer: "flag", environmentId: await envId("production"), service: { slug: "checkout" } }, data: { value: "maybe" } });
    expect(await value()).toMatchObject({ value: "maybe" });

    await testDb.orgSetting.update({ where: { id: 1 }, data: { precedence: ["default", "file", "secret", "env", "flag"] } });
    try {
      expect(await value()).toMatchObject({ layer: "default" });
    } finally {
      await testDb.orgSetting.update({ where: { id: 1 }, data: { precedence: ["flag", "env", "secret", "file", "default"] } });
    }
    expect(await value()).toMatchObject({ value: "maybe", layer: "flag" });
  });

  it("serves repeated reads from the cache: a change the generation triggers do not see stays unseen", async () => {
    const platform = await principalFor("platform@example.com");
    const value = async () => (await getServiceConfig(platform, "staging", "search")).keys.find((k) => k.key === "PORT")?.value;
    const before = await value();
    const behindTheTriggers = (v: string) =>
      testDb.$transaction([
        testDb.$executeRawUnsafe(`set local session_replication_role = replica`),
        testDb.$executeRawUnsafe(`update "ConfigEntry" set value = $1 where layer = 'env' and key = 'PORT' and "environmentId" = (select id from "Environment" where slug = 'staging') and "serviceId" = (select id from "Service" where slug = 'search')`, v),
      ]);
    await behindTheTriggers("4242");
    try {
      expect(await value()).toBe(before);
    } finally {
      await behindTheTriggers(before!);
    }
  });

  it("reads secret metadata fresh (the Secret table is not part of the config generation)", async () => {
    const qa = await principalFor("qa@example.com");
    const meta = async () => (await getServiceConfig(qa, "production", "payments")).keys.find((k) => k.key === "DATABASE_PASSWORD")?.secret;
    const before = await meta();
    expect(before).toBeTruthy();
    await testDb.secret.update({ where: { name: "production/database/password" }, data: { owner: "someone-new" } });
    expect(await meta()).toMatchObject({ owner: "someone-new" });
  });

  it("is shared between people, but each gets their own view of it, whoever read first", async () => {
    const [qa, dev, platform] = await Promise.all([principalFor("qa@example.com"), principalFor("dev@example.com"), principalFor("platform@example.com")]);
    for (const order of [[qa, dev], [dev, qa]]) {
      // A write between the rounds: the second round starts from an empty cache entry.
      const views = [];
      for (const p of order) views.push(await getServiceConfig(p, "production", "payments"));
      const [qaView, devView] = order[0] === qa ? views : [...views].reverse();
      expect(qaView.secretsVisible).toBe(true);
      expect(qaView.keys.find((k) => k.key === "DATABASE_PASSWORD")).toMatchObject({ value: "production/database/password", secret: { name: "production/database/password" } });
      expect(qaView.layers.secret.length).toBeGreaterThan(0);
      expect(devView.secretsVisible).toBe(false);
      expect(devView.keys.find((k) => k.key === "DATABASE_PASSWORD")).toMatchObject({ value: null, secret: null });
      expect(devView.layers.secret).toEqual([]);
      expect(JSON.stringify(devView)).not.toContain("production/database/password");
      expect([qaView.canEdit, devView.canEdit]).toEqual([false, false]);
      await saveConfigEntry(platform, { env: "production", service: "payments", layer: "env", key: "CACHE_TEST", value: String(views.length), expectedVersion: order[0] === qa ? 0 : 1, comment: "", delete: false });
    }
    // Secret-looking values in plain layers are masked for everyone, including who may see secrets.
    const [a, b] = await Promise.all([getServiceConfig(platform, "staging", "notifications"), getServiceConfig(dev, "staging", "notifications")]);
    for (const v of [a, b]) {
      const k = v.keys.find((x) => x.key === "SENDGRID_API_KEY")!;
      expect(k.masked).toBe(true);
      expect(k.value).not.toContain("7dFgJ0aSeR5t");
    }
    expect([a.canEdit, b.canEdit]).toEqual([true, false]);
  });
});
