import { describe, expect, it } from "vitest";
import { testDb } from "../../tests/support/db";
import { verifyChain, type ChainRow } from "../../lib/domain/audit-chain";
import { seedLarge } from "./large";

const SMALL = { deployments: 3_000, secrets: 120, services: 6, configKeys: 40, auditEvents: 2_500, users: 30 };

describe("large seed", () => {
  it("loads every section with set-based SQL, keeps the audit chain valid, and is idempotent", async () => {
    const before = { deployments: await testDb.deployment.count(), audit: await testDb.auditEvent.count() };
    const first = await seedLarge(testDb, SMALL);
    expect(first.inserted.deployments).toBe(3_000);
    expect(first.inserted.secrets).toBe(120);
    expect(first.inserted.users).toBe(30);
    expect(first.inserted.services).toBe(6);
    expect(first.inserted.audit).toBe(2_500);
    expect(await testDb.deployment.count()).toBe(before.deployments + 3_000);
    expect(await testDb.auditEvent.count()).toBe(before.audit + 2_500);
    // 6 services × 40 keys × 3 environments, minus the keys planted as missing in production.
    const config = await testDb.configEntry.count({ where: { id: { startsWith: "lg-cfg-" } } });
    expect(config).toBeGreaterThan(6 * 40 * 3 - 10);
    expect(config).toBeLessThanOrEqual(6 * 40 * 3);
    expect(await testDb.configVersion.count({ where: { id: { startsWith: "lg-cfg-" } } })).toBe(config);
    const layers = await testDb.configEntry.groupBy({ by: ["layer"], where: { id: { startsWith: "lg-cfg-" } }, _count: true });
    expect(layers).toHaveLength(5);
    const roles = await testDb.userRole.groupBy({ by: ["role"], where: { userId: { startsWith: "lg-user-" } }, _count: true });
    expect(roles).toHaveLength(5);
    // Every generated secret reference points into its own environment's prefix.
    const envs = await testDb.environment.findMany({ select: { id: true, secretPrefix: true } });
    for (const e of envs) {
      const wrong = await testDb.secret.count({ where: { id: { startsWith: "lg-sec-" }, environmentId: e.id, NOT: { name: { startsWith: e.secretPrefix } } } });
      expect(wrong).toBe(0);
    }
    // The deployment indexes were rebuilt after the bulk insert.
    const idx = await testDb.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from pg_indexes where tablename = 'Deployment'`);
    expect(idx[0].n).toBe(8);

    const rows = await testDb.auditEvent.findMany({ orderBy: { id: "asc" } });
    const chain = verifyChain(rows as unknown as ChainRow[]);
    expect(chain.broken).toBeNull();
    expect(chain.checked).toBe(rows.length);

    const second = await seedLarge(testDb, SMALL);
    expect(Object.values(second.inserted).every((n) => n === 0)).toBe(true);
    expect(await testDb.deployment.count()).toBe(before.deployments + 3_000);
    expect(await testDb.auditEvent.count()).toBe(before.audit + 2_500);
  });
});
