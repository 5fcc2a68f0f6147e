// The compare diff is cached per config generation and shared by every caller: a config
// write must show on the very next compare, and each caller must still get only their own
// view (secret references, environments) whoever filled the cache.
import { describe, expect, it } from "vitest";
import { envId, principalFor, testDb } from "@/tests/support/db";
import { compareEnvironments } from "./compare-environments";
import { compareSecrets } from "./compare-secrets";
import { comparePage, DETAIL_PAGE, DETAIL_ROWS } from "./compare-page";
import { saveConfigEntry } from "@/lib/data/config/save-config-entry";
import type { ConfigLayer } from "@/generated/prisma/enums";

const q = { from: "staging", to: "production" };

describe("the compare cache", () => {
  it("a config write changes the next compare at once (all services, one service, the page)", async () => {
    const platform = await principalFor("platform@example.com");
    const logLevel = async () => (await compareEnvironments(platform, q)).services.find((s) => s.slug === "checkout")!.rows.find((r) => r.key === "LOG_LEVEL")!;
    // Warm every cached shape first.
    expect(await logLevel()).toMatchObject({ status: "changed", to: { value: "warn" } });
    const one = await compareEnvironments(platform, { ...q, service: "checkout" });
    const page = await comparePage(platform, q);
    const entry = await testDb.configEntry.findFirstOrThrow({ where: { environmentId: await envId("production"), service: { slug: "checkout" }, layer: "env", key: "LOG_LEVEL" }, select: { version: true } });
    await saveConfigEntry(platform, { env: "production", service: "checkout", layer: "env", key: "LOG_LEVEL", value: "info", delete: false, expectedVersion: entry.version, comment: "Match staging" });

    expect(await logLevel()).toMatchObject({ status: "identical", to: { value: "info" } });
    const oneAfter = await compareEnvironments(platform, { ...q, service: "checkout" });
    expect(oneAfter.services[0].counts.changed).toBe(one.services[0].counts.changed - 1);
    expect(oneAfter.overall.matching).toBe(one.overall.matching + 1);
    const pageAfter = await comparePage(platform, q);
    expect(pageAfter.overall.matching).toBe(page.overall.matching + 1);
    // The all-services page lists differing rows only: LOG_LEVEL is gone from checkout's.
    expect(page.services.find((s) => s.slug === "checkout")!.rows.some((r) => r.key === "LOG_LEVEL")).toBe(true);
    expect(pageAfter.services.find((s) => s.slug === "checkout")!.rows.some((r) => r.key === "LOG_LEVEL")).toBe(false);
  });

  it("two callers get their own view from the same cache, in either order", async () => {
    const platform = await principalFor("platform@example.com");
    const dev = await principalFor("dev@example.com");
    const password = (c: { services: readonly { slug: string; rows: readonly { key: string; to: unknown; from: unknown }[] }[] }) => c.services.find((s) => s.slug === "orders")!.rows.find((r) => r.key === "DATABASE_PASSWORD");
    const oneQ = { ...q, service: "orders", only: false };
    for (const order of [
      [platform, dev],
      [dev, platform],
    ]) {
      // A new generation, so the first caller fills the cache.
      await testDb.orgSetting.update({ where: { id: 1 }, data: { precedence: ["flag", "env", "secret", "file", "default"] } });
      for (const who of order) {
        const [api, page] = await Promise.all([compareEnvironments(who, oneQ), comparePage(who, oneQ)]);
        for (const view of [api, page]) {
          if (who === platform) expect(password(view)).toMatchObject({ from: { value: "staging/orders/database/password" }, to: { layer: "secret", value: "production/orders/database/password" } });
          else expect(password(view)).toMatchObject({ from: { value: "staging/orders/database/password" }, to: { layer: "secret", value: null } });
        }
        expect(api.secrets === null).toBe(who === dev);
        expect(page.secrets === null).toBe(who === dev);
      }
    }
    // Nobody's cached view leaks into a caller who may not see the environments at all.
    const exec = await principalFor("exec@example.com");
    await expect(compareEnvironments(exec, q)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(comparePage(exec, q)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(comparePage(dev, { ...q, service: "no-such-service" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("comparePage", () => {
  it("pages the services, lists only differing rows (capped), and filters by layer", async () => {
    const platform = await principalFor("platform@example.com");
    const [staging, production] = await Promise.all([envId("staging"), envId("production")]);
    // 12 demo services + 15 more: two pages. One of them differs in DETAIL_ROWS + 5 keys.
    const extra = Array.from({ length: 15 }, (_, i) => ({ id: `cmp-extra-${i}`, slug: `zz-extra-${String(i).padStart(2, "0")}`, name: `Zz extra ${String(i).padStart(2, "0")}` }));
    await testDb.service.createMany({ data: extra.map((s) => ({ ...s, team: "platform", repository: `acme/${s.slug}` })) });
    await testDb.configEntry.createMany({
      data: Array.from({ length: DETAIL_ROWS + 5 }, (_, i) => ({ serviceId: extra[14].id, environmentId: staging, layer: "env" as ConfigLayer, key: `ONLY_STAGING_${String(i).padStart(3, "0")}`, value: "x" })).concat([
        { serviceId: extra[14].id, environmentId: staging, layer: "flag" as ConfigLayer, key: "A_FLAG", value: "on" },
        { serviceId: extra[14].id, environmentId: production, layer: "flag" as ConfigLayer, key: "A_FLAG", value: "off" },
      ]),
    });

    const first = await comparePage(platform, q);
    expect(first.serviceCount).toBe(27);
    expect(first.services).toHaveLength(DETAIL_PAGE);
    expect(first.startAt).toBe(0);
    expect(first.prevAfter).toBeUndefined();
    expect(first.nextAfter).toBe(first.services[DETAIL_PAGE - 1].slug);
    expect(first.services.flatMap((s) => s.rows).every((r) => r.status !== "identical")).toBe(true);
    // Deployed versions are read for the services shown.
    expect(first.services.find((s) => s.slug === "checkout")!.deployed.from).toMatch(/^v/);

    const second = await comparePage(platform, { ...q, after: first.nextAfter! });
    expect(second.startAt).toBe(DETAIL_PAGE);
    expect(second.services.map((s) => s.slug)).toEqual(extra.slice(8).map((s) => s.slug));
    expect(second.prevAfter).toBeNull();
    expect(second.nextAfter).toBeNull();
    const big = second.services.at(-1)!;
    expect(big.counts.removed).toBe(DETAIL_ROWS + 5);
    expect(big.rows).toHaveLength(DETAIL_ROWS);
    expect(big.moreRows).toBe(6);
    // The overall score covers every service, not just the page.
    expect(second.overall).toEqual(first.overall);

    // One service: every key, or with only=1 just the differing ones; layer filters either way.
    const alone = await comparePage(platform, { ...q, service: big.slug });
    expect(alone.services[0].rows).toHaveLength(DETAIL_ROWS + 6);
    expect(alone.services[0].moreRows).toBe(0);
    const flags = await comparePage(platform, { ...q, service: big.slug, layer: "flag" });
    expect(flags.services[0].rows.map((r) => [r.key, r.status])).toEqual([["A_FLAG", "changed"]]);
    const checkout = await comparePage(platform, { ...q, service: "checkout" });
    const checkoutOnly = await comparePage(platform, { ...q, service: "checkout", only: true });
    expect(checkout.services[0].rows.some((r) => r.status === "identical")).toBe(true);
    expect(checkoutOnly.services[0].rows.length).toBe(checkout.services[0].rows.filter((r) => r.status !== "identical").length);
  });

  it("pages the secret metadata differences; the pages add up to the whole list", async () => {
    const [staging, production] = await Promise.all(["staging", "production"].map((slug) => testDb.environment.findUniqueOrThrow({ where: { slug }, select: { id: true, secretPrefix: true } })));
    await testDb.secret.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ id: `cmp-sec-${i}`, environmentId: staging.id, name: `${staging.secretPrefix}zz/only-here-${i}`, type: "api_key" as const, tool: "aws_secrets_manager" as const, storage: "Encrypted", rotationPolicy: "manual" as const })),
    });
    const whole = await compareSecrets(staging, production);
    expect(whole.differences.filter((d) => d.path.startsWith("zz/only-here-")).every((d) => d.differences[0] === "only in source")).toBe(true);
    const pages: string[] = [];
    let after: string | undefined;
    for (let n = 0; n < 50; n++) {
      const page = await compareSecrets(staging, production, { after, limit: 3 });
      expect(page.total).toBe(whole.total);
      expect(page.before).toBe(pages.length);
      pages.push(...page.differences.map((d) => d.path));
      if (page.differences.length < 3) break;
      after = page.differences.at(-1)!.path;
    }
    expect(pages).toEqual(whole.differences.map((d) => d.path));
    expect(whole.total).toBe(whole.differences.length);
  });
});
