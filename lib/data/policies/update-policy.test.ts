import { describe, expect, it } from "vitest";
import { envId, principalFor, testDb } from "@/tests/support/db";
import { ZUpdatePolicySchema } from "@/lib/validations/policies";
import { updatePolicy } from "./update-policy";
import { addFreeze } from "./add-freeze";
import { removeFreeze } from "./remove-freeze";
import { listPolicies } from "./list-policies";

async function current(slug = "production") {
  const p = await testDb.policy.findUniqueOrThrow({ where: { environmentId: await envId(slug) } });
  return ZUpdatePolicySchema.parse({ ...p, environment: slug });
}

describe("policies", () => {
  it("platform edits a policy: versioned, audited, and a stale version is a conflict", async () => {
    const platform = await principalFor("platform@example.com");
    const input = await current();
    expect(await updatePolicy(platform, { ...input, approvalsRequired: 2, windowEnd: "15:00" })).toEqual({ version: input.version + 1 });
    await expect(updatePolicy(platform, { ...input, approvalsRequired: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "policy.update" }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ approvalsRequired: 1, windowEnd: "14:00" });
    expect(audit.after).toMatchObject({ approvalsRequired: 2, windowEnd: "15:00" });
  });

  it("only platform edits; others get 403, invisible environments 404", async () => {
    const input = await current();
    await expect(updatePolicy(await principalFor("qa@example.com"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePolicy(await principalFor("cto@example.com"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addFreeze(await principalFor("dev@example.com"), { environment: "production", startsAt: new Date(), endsAt: new Date(Date.now() + 1000), reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("validates: time zone, window, approver roles", () => {
    const bad = ZUpdatePolicySchema.safeParse({ environment: "production", version: 1, requiredGates: ["e2e"], approverRoles: [], approvalsRequired: 1, allowSelfApproval: false, autoApprove: false, windowDays: [1], windowStart: "10:00", windowEnd: "10:00", windowTimeZone: "Mars/Base", hotfixAllowed: true, hotfixApproverRoles: [], hotfixApprovalsRequired: 1, hotfixRequiredGates: [], expireAfterHours: 72 });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["windowTimeZone", "approverRoles", "hotfixApproverRoles", "windowEnd"]));
  });

  it("freezes: added and removed by platform, audited, listed while they last", async () => {
    const platform = await principalFor("platform@example.com");
    const f = await addFreeze(platform, { environment: "production", startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 7_200_000), reason: "Black Friday" });
    const list = await listPolicies(platform);
    expect(list.find((e) => e.slug === "production")!.freezes.map((x) => x.reason)).toEqual(["Black Friday"]);
    expect(list.find((e) => e.slug === "development")!.policy).toBeNull();
    await removeFreeze(platform, f.id);
    await expect(removeFreeze(platform, f.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.auditEvent.count({ where: { action: { in: ["policy.freeze.add", "policy.freeze.remove"] } } })).toBe(2);
  });
});
