import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { verifyAuditChain } from "@/lib/data/audit/verify-audit-chain";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { updateEnvironment } from "@/lib/data/environments/update-environment";
import { setUserRoles } from "@/lib/data/users/manage-users";
import { ZAuditFilterSchema } from "@/lib/validations/audit";

async function makeEvents(n: number) {
  const qa = await principalFor("qa@example.com");
  for (let i = 0; i < n; i++) {
    const env = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } });
    await updateEnvironment(qa, {
      slug: "staging", version: env.version, purpose: `Pre-release validation ${i}`, scale: env.scale, dataPolicy: env.dataPolicy, securityPosture: env.securityPosture,
      secretsPolicy: env.secretsPolicy, monitoring: env.monitoring, deploymentPolicy: env.deploymentPolicy, monthlyCostUsd: env.monthlyCostUsd, availabilitySla: Number(env.availabilitySla), vpcCidr: env.vpcCidr,
    });
  }
  return testDb.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
}

describe("audit trail", () => {
  it("is intact after real changes, and detects an edited row at that row", async () => {
    const ids = await makeEvents(4);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: ids.length });
    const victim = ids[2].id;
    await testDb.$executeRaw`update "AuditEvent" set after = '{"purpose":"forged"}' where id = ${victim}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBroken: { id: String(victim), reason: "hash_mismatch" } });
  });

  it("detects a deleted row at the row after it", async () => {
    const ids = await makeEvents(3);
    await testDb.$executeRaw`delete from "AuditEvent" where id = ${ids[1].id}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBroken: { id: String(ids[2].id), reason: "prev_hash_mismatch" } });
  });

  it("detects reordered rows", async () => {
    const ids = await makeEvents(3);
    const [a, b] = [ids[1].id, ids[2].id];
    // Swap two rows' ids: the row at a's chain position no longer hashes to its hash.
    await testDb.$executeRaw`update "AuditEvent" set id = -1 where id = ${a}`;
    await testDb.$executeRaw`update "AuditEvent" set id = ${a} where id = ${b}`;
    await testDb.$executeRaw`update "AuditEvent" set id = ${b} where id = -1`;
    const result = await verifyAuditChain();
    expect(result.ok).toBe(false);
  });

  it("rolls the change back when the audit event cannot be written", async () => {
    const qa = await principalFor("qa@example.com");
    const env = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } });
    // Make every audit insert fail.
    await testDb.$executeRawUnsafe(`alter table "AuditEvent" add constraint audit_fail check (action <> 'environment.update') not valid`);
    try {
      await expect(
        updateEnvironment(qa, { slug: "staging", version: env.version, purpose: "should not stick", scale: env.scale, dataPolicy: env.dataPolicy, securityPosture: env.securityPosture, secretsPolicy: env.secretsPolicy, monitoring: env.monitoring, deploymentPolicy: env.deploymentPolicy, monthlyCostUsd: env.monthlyCostUsd, availabilitySla: Number(env.availabilitySla), vpcCidr: env.vpcCidr }),
      ).rejects.toThrow();
    } finally {
      await testDb.$executeRawUnsafe(`alter table "AuditEvent" drop constraint audit_fail`);
    }
    const after = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } });
    expect(after.purpose).toBe(env.purpose);
    expect(after.version).toBe(env.version);
  });

  it("never stores secret-looking fields in before/after", async () => {
    const platform = await principalFor("platform@example.com");
    const dev2 = await testDb.user.findUniqueOrThrow({ where: { email: "dev2@example.com" } });
    await setUserRoles(platform, { userId: dev2.id, roles: ["developer", "qa"], reason: "cover QA this week" });
    const { events } = await listAuditEvents(platform, ZAuditFilterSchema.parse({ action: "user.roles" }));
    expect(events[0]).toMatchObject({ action: "user.roles.set", actorLabel: "platform@example.com", after: { roles: ["developer", "qa"], reason: "cover QA this week" } });
  });

  it("is platform-only and keyset-paginated", async () => {
    await makeEvents(5);
    const platform = await principalFor("platform@example.com");
    const page1 = await listAuditEvents(platform, ZAuditFilterSchema.parse({ limit: 2 }));
    expect(page1.events).toHaveLength(2);
    const page2 = await listAuditEvents(platform, ZAuditFilterSchema.parse({ limit: 2, cursor: page1.nextCursor! }));
    expect(BigInt(page2.events[0].id)).toBeLessThan(BigInt(page1.events[1].id));
    for (const email of ["dev@example.com", "qa@example.com", "exec@example.com", "cto@example.com"]) {
      await expect(listAuditEvents(await principalFor(email), ZAuditFilterSchema.parse({}))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
