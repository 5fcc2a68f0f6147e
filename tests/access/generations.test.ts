// Per-person caches (principal, "waiting on you" count, the promotion queue) key on data
// generations bumped by triggers in the writer's transaction: these tests check that a
// change shows on the very next read, and that what does not change access bumps nothing.
import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { dataGenerations } from "@/lib/data/generations";
import { loadUserPrincipal, touchLastSeen } from "@/lib/data/users/load-principal";
import { setUserActive, setUserRoles } from "@/lib/data/users/manage-users";
import { changeGrant } from "@/lib/data/access/change-grant";
import { countWaitingOn } from "@/lib/data/promotions/count-waiting-on";
import { listPromotions } from "@/lib/data/promotions/list-promotions";
import { decidePromotion } from "@/lib/data/promotions/decide-promotion";
import { awaitingApproval } from "@/lib/data/promotions/test-helpers";
import { rotationSummary } from "@/lib/data/secrets/rotation-summary";
import { allEnvironments, listEnvironments } from "@/lib/data/environments/list-environments";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { listLayerHistory } from "@/lib/data/config/list-layer-history";
import { saveConfigEntry } from "@/lib/data/config/save-config-entry";
import { updateEnvironment } from "@/lib/data/environments/update-environment";
import { listDeployments } from "@/lib/data/deployments/list-deployments";
import { reportDeployment } from "@/lib/data/deployments/report-deployment";
import { updateDeploymentStatus } from "@/lib/data/deployments/update-deployment-status";
import { readDataGenerations } from "@/lib/data/generations";
import { getCurrentVersions } from "@/lib/data/deployments/get-current-versions";
import { listFilterOptions } from "@/lib/data/deployments/list-filter-options";

describe("data generations", () => {
  it("a role change, a grant change and a deactivation apply to the next principal read; last-seen does not bump access", async () => {
    const platform = await principalFor("platform@example.com");
    const dev = await principalFor("dev@example.com");
    expect(await loadUserPrincipal(dev.userId!)).toBe(await loadUserPrincipal(dev.userId!)); // cached: the same object

    const before = await dataGenerations();
    await touchLastSeen(dev.userId!, Date.now() + 3_600_000);
    await testDb.user.update({ where: { id: dev.userId! }, data: { lastSeenAt: new Date() } });
    expect((await dataGenerations()).access).toBe(before.access);

    await setUserRoles(platform, { userId: dev.userId!, roles: ["developer", "qa"] });
    expect((await loadUserPrincipal(dev.userId!))!.roles.sort()).toEqual(["developer", "qa"]);

    const devNow = (await loadUserPrincipal(dev.userId!))!;
    await changeGrant(platform, { role: "qa", environmentSlug: "staging", level: "full" });
    const after = (await loadUserPrincipal(dev.userId!))!;
    expect(after).not.toBe(devNow);
    expect([...after.levels.values()]).toContain("full");

    await setUserActive(platform, dev.userId!, false);
    expect(await loadUserPrincipal(dev.userId!)).toBeNull();
    await setUserActive(platform, dev.userId!, true);
    expect(await loadUserPrincipal(dev.userId!)).not.toBeNull();
  });

  it("a guarded update that changes no row bumps nothing", async () => {
    const before = await dataGenerations();
    await testDb.promotion.updateMany({ where: { id: "no-such-promotion" }, data: { state: "cancelled" } });
    await testDb.user.updateMany({ where: { id: "no-such-user" }, data: { active: false } });
    const after = await dataGenerations();
    expect(after.promotions).toBe(before.promotions);
    expect(after.access).toBe(before.access);
  });

  it("the waiting-on badge and queue show a new request and a decision at once", async () => {
    const p2 = await principalFor("platform2@example.com");
    const queue0 = await listPromotions(p2, { tab: "waiting", limit: 100 });
    expect(await countWaitingOn(p2)).toBe(queue0.items.length);
    expect(await countWaitingOn(p2)).toBe(queue0.items.length); // served again from the cache

    const id = await awaitingApproval("auth", "platform@example.com");
    const queue1 = await listPromotions(p2, { tab: "waiting", limit: 100 });
    expect(queue1.items.map((i) => i.id)).toContain(id);
    expect(await countWaitingOn(p2)).toBe(queue1.items.length);

    await decidePromotion(p2, id, { decision: "approve", comment: "" });
    const queue2 = await listPromotions(p2, { tab: "waiting", limit: 100 });
    expect(queue2.items.map((i) => i.id)).not.toContain(id);
    expect(await countWaitingOn(p2)).toBe(queue2.items.length);
    // Another person's view is their own: the requester never waits on themself.
    expect((await listPromotions(await principalFor("platform@example.com"), { tab: "waiting", limit: 100 })).items.map((i) => i.id)).not.toContain(id);
  });

  it("a promotion past its time is expired when the queue is read, without a sweep on every read", async () => {
    const id = await awaitingApproval("search", "platform@example.com");
    const p2 = await principalFor("platform2@example.com");
    const later = new Date(Date.now() + 10 * 24 * 3_600_000);
    const queue = await listPromotions(p2, { tab: "all", limit: 100 }, later);
    expect(queue.items.find((i) => i.id === id)?.state).toBe("expired");
    expect((await testDb.promotion.findUniqueOrThrow({ where: { id } })).state).toBe("expired");
  });

  it("the rotation summary counts at the time asked, and shows a registry change at once", async () => {
    const platform = await principalFor("platform@example.com");
    const prod = async (at = new Date()) => (await rotationSummary(platform, at)).find((r) => r.slug === "production")!.summary;
    const before = await prod();
    const secret = await testDb.secret.findFirstOrThrow({ where: { environment: { slug: "production" }, deletedAt: null, lastRotatedAt: { not: null }, nextRotationAt: { gt: new Date(Date.now() + 60 * 86_400_000) } } });
    // Same data, a later time: that secret is overdue then.
    const later = await prod(new Date(secret.nextRotationAt!.getTime() + 1000));
    expect(later.overdue).toBeGreaterThan(before.overdue);
    // A change in the registry shows on the next read.
    await testDb.secret.update({ where: { id: secret.id }, data: { nextRotationAt: new Date(Date.now() - 86_400_000) } });
    const after = await prod();
    expect(after.overdue).toBe(before.overdue + 1);
    expect(after.ok).toBe(before.ok - 1);
    expect(after.total).toBe(before.total);
    // Another principal sees only the environments it may read secrets of.
    const exec = await rotationSummary(await principalFor("exec@example.com"));
    expect(exec.map((r) => r.slug)).not.toContain("production");
  });

  it("the environment list shows an edit and a grant change on the next read", async () => {
    const platform = await principalFor("platform@example.com");
    const list = await listEnvironments(platform);
    expect(await allEnvironments()).toBe(await allEnvironments()); // cached: the same rows, no read
    const staging = list.find((e) => e.slug === "staging")!;
    const { version } = await testDb.environment.findUniqueOrThrow({ where: { id: staging.id }, select: { version: true } });
    const { id: _id, level: _level, position: _position, name: _name, ...fields } = staging;
    await updateEnvironment(platform, { ...fields, version, purpose: `${staging.purpose} (edited)` });
    expect((await listEnvironments(platform)).find((e) => e.slug === "staging")!.purpose).toBe(`${staging.purpose} (edited)`);
    expect(await getEnvironment(platform, "staging")).toMatchObject({ purpose: `${staging.purpose} (edited)`, version: version + 1 });
    await updateEnvironment(platform, { ...fields, version: version + 1 });

    // A grant change: the QA role's level on development, seen by a QA engineer.
    const qaLevel = async () => (await listEnvironments(await principalFor("qa@example.com"))).find((e) => e.slug === "development")?.level;
    const before = await qaLevel();
    const next = before === "read_logs" ? "read" : "read_logs";
    await changeGrant(platform, { role: "qa", environmentSlug: "development", level: next });
    expect(await qaLevel()).toBe(next);
  });
  it("a layer's changes show a save, and an author's new name, on the next read", async () => {
    const platform = await principalFor("platform@example.com");
    const changes = () => listLayerHistory(platform, { env: "staging", service: "checkout", layer: "flag" });
    const before = await changes();
    expect(await changes()).toEqual(before); // served from the cache
    const key = `generations.check.${Date.now()}`;
    await saveConfigEntry(platform, { env: "staging", service: "checkout", layer: "flag", key, value: "on", expectedVersion: 0, comment: "generations", delete: false });
    const after = await changes();
    expect(after.changes[0]).toMatchObject({ key, version: 1, author: platform.name, comment: "generations" });
    await testDb.user.update({ where: { id: platform.userId! }, data: { name: "Pat Renamed" } });
    try {
      expect((await changes()).changes[0]).toMatchObject({ key, author: "Pat Renamed" });
    } finally {
      await testDb.user.update({ where: { id: platform.userId! }, data: { name: platform.name } });
    }
  });
  it("deploy history names a service by its current name, read once per config generation", async () => {
    const platform = await principalFor("platform@example.com");
    const name = async () => (await listDeployments(platform, { service: "checkout", limit: 1 })).data[0]?.service.name;
    const before = await name();
    expect(before).toBeTruthy();
    await testDb.service.update({ where: { slug: "checkout" }, data: { name: "Checkout Renamed" } });
    try {
      expect(await name()).toBe("Checkout Renamed");
    } finally {
      await testDb.service.update({ where: { slug: "checkout" }, data: { name: before } });
    }
    expect(await name()).toBe(before);
  });
  it("deploy history shows a new report and a status change at once, from a cache between writes", async () => {
    const platform = await principalFor("platform@example.com");
    const person = `generations-${Date.now()}@example.com`;
    const recent = () => listDeployments(platform, { person, limit: 5 });
    const before = await recent();
    expect(before.data).toEqual([]);
    expect(await recent()).toBe(before); // kept: the same page, no read
    const externalId = `generations-${Date.now()}`;
    const { deployment } = await reportDeployment(platform, { externalId, environment: "staging", service: "checkout", version: "v9.0.0", commitSha: "abcdef12", status: "in_progress", strategy: "rolling", triggeredBy: person });
    expect((await recent()).data).toMatchObject([{ externalId, status: "in_progress" }]);
    await updateDeploymentStatus(platform, deployment.id, { status: "succeeded" });
    expect((await recent()).data).toMatchObject([{ externalId, status: "succeeded" }]);
  });

  it("what runs where and the history filters' choices are kept between writes, and show a deploy or a new service at once", async () => {
    const platform = await principalFor("platform@example.com");
    const checkout = await testDb.service.findUniqueOrThrow({ where: { slug: "checkout" }, select: { id: true } });
    const staging = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" }, select: { id: true } });
    const running = () => getCurrentVersions(platform, { serviceId: checkout.id, environmentId: staging.id });
    const before = await running();
    expect(await running()).toBe(before); // kept: no read
    const version = `v9.${Date.now() % 100_000}.1`;
    const { deployment } = await reportDeployment(platform, { externalId: `running-${version}`, environment: "staging", service: "checkout", version, commitSha: "abcdef12", status: "in_progress", strategy: "rolling" });
    expect((await running()).map((r) => r.version)).not.toContain(version); // in progress: not running yet
    await updateDeploymentStatus(platform, deployment.id, { status: "succeeded" });
    expect((await running()).map((r) => r.version)).toEqual([version]);

    const options = await listFilterOptions(platform);
    expect(await listFilterOptions(platform)).toBe(options);
    const slug = `running-${Date.now() % 100_000}`;
    await testDb.service.create({ data: { slug, name: `Running ${slug}`, repository: "github.com/example/running", team: "platform" } });
    try {
      expect((await listFilterOptions(platform)).services.map((s) => s.slug)).toContain(slug);
    } finally {
      await testDb.service.delete({ where: { slug } });
    }
    // An executive's choices hold only the environments they may see deploys of.
    const exec = await principalFor("exec@example.com");
    expect((await listFilterOptions(exec)).environments.map((e) => e.slug)).not.toContain("production");
  });

  it("a transaction's deployment writes bump the deployments generation once, at commit", async () => {
    const [env, service] = await Promise.all([testDb.environment.findFirstOrThrow({ select: { id: true } }), testDb.service.findFirstOrThrow({ select: { id: true } })]);
    const row = (i: number) => ({ serviceId: service.id, environmentId: env.id, version: `v0.0.${i}`, commitSha: "abcdef12", status: "succeeded" as const, strategy: "rolling" as const, startedAt: new Date(), triggeredBy: "generations test" });
    const g0 = (await readDataGenerations()).deployments;
    await testDb.$transaction(async (tx) => {
      await tx.deployment.createMany({ data: [row(1), row(2), row(3)] });
      await tx.deployment.updateMany({ where: { triggeredBy: "generations test" }, data: { progress: 50 } });
      // Not yet: the bump is taken when the transaction commits.
      expect((await tx.configGeneration.findUniqueOrThrow({ where: { id: 5 } })).n).toBe(g0);
    });
    expect((await readDataGenerations()).deployments).toBe(g0 + BigInt(1));
    await testDb.deployment.deleteMany({ where: { triggeredBy: "generations test" } });
    expect((await readDataGenerations()).deployments).toBe(g0 + BigInt(2));
  });

  it("deployment and promotion writes, concurrently and in either order, never deadlock on the counters", async () => {
    // Distinct rows per transaction: the only locks they share are the generation counters.
    const promotions = await testDb.promotion.findMany({ select: { id: true }, take: 6 });
    const deployments = await testDb.deployment.findMany({ select: { id: true, progress: true }, take: 6 });
    expect(promotions.length).toBeGreaterThan(1);
    const n = Math.min(promotions.length, deployments.length);
    const g0 = await readDataGenerations();
    const run = (i: number, promotionFirst: boolean) =>
      testDb.$transaction(async (tx) => {
        const touchPromotion = () => tx.promotion.update({ where: { id: promotions[i].id }, data: { updatedAt: new Date() } });
        const touchDeployment = () => tx.deployment.update({ where: { id: deployments[i].id }, data: { progress: deployments[i].progress } });
        if (promotionFirst) {
          await touchPromotion();
          await touchDeployment();
        } else {
          await touchDeployment();
          await new Promise((r) => setTimeout(r, 20)); // let the other order take the promotions counter
          await touchPromotion();
        }
      });
    const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => run(i, i % 2 === 0)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const g1 = await readDataGenerations();
    expect(g1.deployments - g0.deployments).toBe(BigInt(n));
    expect(g1.promotions - g0.promotions).toBe(BigInt(n));
  });
});
