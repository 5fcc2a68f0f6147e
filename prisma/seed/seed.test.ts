import { describe, expect, it } from "vitest";
import { testDb } from "../../tests/support/db";
import { seed } from ".";

const TABLES = ["User", "UserRole", "Environment", "AccessGrant", "Service", "ConfigEntry", "ConfigVersion", "Secret", "Deployment", "Promotion", "Gate", "Approval", "PromotionEvent", "Policy", "AuditEvent", "IntendedDifference"];

async function fingerprint() {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [row] = await testDb.$queryRawUnsafe<{ n: bigint; h: string }[]>(`select count(*) n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) h from "${t}" t`);
    out[t] = `${row.n}:${row.h}`;
  }
  return out;
}

describe("demo seed", () => {
  it("builds the reference's world", async () => {
    expect(await testDb.environment.count()).toBe(3);
    expect(await testDb.service.count()).toBe(12);
    const deployments = await testDb.deployment.count();
    expect(deployments).toBeGreaterThan(1800);
    expect(await testDb.deployment.count({ where: { status: "failed" } })).toBeGreaterThan(50);
    expect(await testDb.deployment.count({ where: { rollbackOfId: { not: null } } })).toBeGreaterThan(10);
    const states = await testDb.promotion.groupBy({ by: ["state"], _count: true });
    expect(states.map((s) => s.state).sort()).toEqual(
      ["approved", "awaiting_approval", "cancelled", "checking", "deployed", "deploying", "expired", "failed", "rejected", "requested", "rolled_back"],
    );
    const layers = await testDb.configEntry.groupBy({ by: ["layer"], _count: true });
    expect(layers).toHaveLength(5);
    expect(await testDb.secret.count({ where: { name: { startsWith: "production/" } } })).toBeGreaterThanOrEqual(5);
    expect(await testDb.user.count({ where: { email: { endsWith: "@example.com" } } })).toBe(7);
  });

  it("is idempotent: running it twice changes nothing", async () => {
    const before = await fingerprint();
    const result = await seed(testDb);
    expect(result.created).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });
});
