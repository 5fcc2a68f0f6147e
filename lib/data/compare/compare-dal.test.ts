import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { compareEnvironments } from "./compare-environments";
import { markIntendedDifference, unmarkIntendedDifference } from "./mark-intended-difference";

describe("compareEnvironments", () => {
  it("shows the planted drift between staging and production, and the seeded intended difference", async () => {
    const dev = await principalFor("dev@example.com");
    const c = await compareEnvironments(dev, { from: "staging", to: "production" });
    expect(c.services).toHaveLength(12);
    const checkout = c.services.find((s) => s.slug === "checkout")!;
    expect(checkout.rows.find((r) => r.key === "FEATURE_PAYPAL")).toMatchObject({ status: "removed", intended: null });
    expect(checkout.rows.find((r) => r.key === "LOG_LEVEL")).toMatchObject({ status: "changed", from: { value: "info", layer: "default" }, to: { value: "warn", layer: "env" } });
    const orders = c.services.find((s) => s.slug === "orders")!;
    expect(orders.rows.find((r) => r.key === "ORDERS_EXPORT_BUCKET")).toMatchObject({ status: "removed", intended: { markedBy: "Pat Platform" } });
    expect(checkout.deployed.from).toMatch(/^v/);
    expect(c.overall.total).toBeGreaterThan(0);
  });

  it("compares secret references without the environment prefix, and hides references the caller may not see", async () => {
    const dev = await principalFor("dev@example.com");
    const c = await compareEnvironments(dev, { from: "staging", to: "production", service: "orders" });
    const row = c.services[0].rows.find((r) => r.key === "DATABASE_PASSWORD")!;
    expect(row.status).toBe("identical");
    expect(row.from?.value).toBe("staging/orders/database/password");
    expect(row.to).toMatchObject({ layer: "secret", value: null });
    expect(c.secrets).toBeNull();
    const payments = (await compareEnvironments(dev, { from: "staging", to: "production", service: "payments" })).services[0];
    expect(payments.rows.find((r) => r.key === "STRIPE_API_KEY")?.status).toBe("changed");
  });

  it("lists secret metadata differences for callers who may see secrets in both", async () => {
    const platform = await principalFor("platform@example.com");
    const c = await compareEnvironments(platform, { from: "development", to: "staging" });
    expect(c.secrets?.find((s) => s.path === "database/password")?.differences).toEqual(["rotation policy"]);
  });

  it("is a 404 when either environment is invisible", async () => {
    const qa = await principalFor("qa@example.com");
    await expect(compareEnvironments(qa, { from: "development", to: "staging" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const exec = await principalFor("exec@example.com");
    await expect(compareEnvironments(exec, { from: "staging", to: "production" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("marking a difference as intended raises the score; unmarking lowers it again; both audited", async () => {
    const platform = await principalFor("platform@example.com");
    const q = { from: "staging", to: "production", service: "checkout" };
    const before = (await compareEnvironments(platform, q)).services[0];
    await markIntendedDifference(platform, { ...q, key: "FEATURE_PAYPAL", reason: "PayPal launches in production next quarter" });
    const after = (await compareEnvironments(platform, q)).services[0];
    expect(after.parity.matching).toBe(before.parity.matching + 1);
    expect(after.rows.find((r) => r.key === "FEATURE_PAYPAL")?.intended).toMatchObject({ reason: "PayPal launches in production next quarter", markedBy: "Pat Platform" });
    await unmarkIntendedDifference(platform, { ...q, key: "FEATURE_PAYPAL" });
    expect((await compareEnvironments(platform, q)).services[0].parity.matching).toBe(before.parity.matching);
    expect(await testDb.auditEvent.count({ where: { action: { in: ["config.intended.mark", "config.intended.unmark"] } } })).toBe(2);
  });

  it("marking needs `manage` on the target: a developer cannot mark staging→production", async () => {
    const dev = await principalFor("dev@example.com");
    await expect(markIntendedDifference(dev, { from: "staging", to: "production", service: "checkout", key: "FEATURE_PAYPAL", reason: "because" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
