import { describe, expect, it } from "vitest";
import { principalFor, testDb, envId } from "@/tests/support/db";
import { changeGrant, previewGrantChange } from "@/lib/data/access/change-grant";
import { setUserActive, setUserRoles } from "@/lib/data/users/manage-users";
import { loadUserPrincipal } from "@/lib/data/users/load-principal";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { getAccessMatrix } from "@/lib/data/access/get-access-matrix";

describe("access matrix", () => {
  it("previews the effect of a change in people", async () => {
    const platform = await principalFor("platform@example.com");
    const effect = await previewGrantChange(platform, { role: "developer", environmentSlug: "production", level: "none" });
    expect(effect.summary).toBe("2 people lose access to Production.");
    expect(effect.people.map((p) => p.email).sort()).toEqual(["dev2@example.com", "dev@example.com"]);
  });

  it("needs a reason for production and takes effect on the very next request", async () => {
    const platform = await principalFor("platform@example.com");
    await expect(changeGrant(platform, { role: "developer", environmentSlug: "production", level: "none" })).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { reason: expect.any(Array) } });
    const dev = await principalFor("dev@example.com");
    await expect(getEnvironment(dev, "production")).resolves.toMatchObject({ slug: "production" });
    await changeGrant(platform, { role: "developer", environmentSlug: "production", level: "none", reason: "incident review" });
    const devNext = await loadUserPrincipal(dev.userId!);
    await expect(getEnvironment(devNext!, "production")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "access.grant.change" } });
    expect(event.after).toMatchObject({ level: "none", reason: "incident review" });
    expect(event.environmentId).toBe(await envId("production"));
  });

  it("is platform-only: everyone else gets not-found", async () => {
    for (const email of ["dev@example.com", "qa@example.com", "exec@example.com", "cto@example.com"]) {
      const p = await principalFor(email);
      await expect(changeGrant(p, { role: "qa", environmentSlug: "staging", level: "full" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("keeps platform at full everywhere", async () => {
    const platform = await principalFor("platform@example.com");
    await expect(changeGrant(platform, { role: "platform", environmentSlug: "staging", level: "read" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("names who can approve a production promotion today", async () => {
    const matrix = await getAccessMatrix(await principalFor("platform@example.com"));
    const prod = matrix.environments.find((e) => e.slug === "production")!;
    expect(prod.approvers.map((a) => a.email).sort()).toEqual(["platform2@example.com", "platform@example.com"]);
    expect(prod.hotfixApprovers.map((a) => a.email)).toEqual(["cto@example.com"]);
  });

  it("shows a role only the environments it can see", async () => {
    const matrix = await getAccessMatrix(await principalFor("qa@example.com"));
    expect(matrix.environments.map((e) => e.slug)).toEqual(["staging", "production"]);
  });
});

describe("people", () => {
  it("the last platform user cannot lose the platform role", async () => {
    const platform = await principalFor("platform@example.com");
    const p2 = await testDb.user.findUniqueOrThrow({ where: { email: "platform2@example.com" } });
    await setUserRoles(platform, { userId: p2.id, roles: ["developer"] });
    await expect(setUserRoles(platform, { userId: platform.userId!, roles: ["developer"] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.userRole.count({ where: { userId: platform.userId!, role: "platform" } })).toBe(1);
  });

  it("two platform users removing each other at once leave one platform user", async () => {
    const a = await principalFor("platform@example.com");
    const b = await principalFor("platform2@example.com");
    const results = await Promise.allSettled([setUserRoles(a, { userId: b.userId!, roles: ["qa"] }), setUserRoles(b, { userId: a.userId!, roles: ["qa"] })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.userRole.count({ where: { role: "platform" } })).toBe(1);
  });

  it("a deactivated user is signed out at once", async () => {
    const platform = await principalFor("platform@example.com");
    const dev = await principalFor("dev@example.com");
    await setUserActive(platform, dev.userId!, false);
    expect(await loadUserPrincipal(dev.userId!)).toBeNull();
  });

  it("a removed role takes effect on the next request", async () => {
    const platform = await principalFor("platform@example.com");
    const qa = await principalFor("qa@example.com");
    await setUserRoles(platform, { userId: qa.userId!, roles: [] });
    const next = await loadUserPrincipal(qa.userId!);
    expect(next!.roles).toEqual([]);
    await expect(getEnvironment(next!, "staging")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
