import { describe, expect, it } from "vitest";
import { principalFor } from "@/tests/support/db";
import { listConfigFindings } from "./list-config-findings";

const ids = async (email: string, filter = {}) => (await listConfigFindings(await principalFor(email), filter)).findings.map((f) => `${f.kind}@${f.environment}:${f.service}:${f.key}`);

describe("listConfigFindings", () => {
  it("finds every planted problem for platform", async () => {
    const all = await ids("platform@example.com");
    expect(all).toEqual(
      expect.arrayContaining([
        "drift@staging:checkout:FEATURE_PAYPAL",
        "secret_in_plain_layer@staging:notifications:SENDGRID_API_KEY",
        "higher_env_secret_reference@staging:payments:STRIPE_API_KEY",
        "live_payment_key@development:payments:STRIPE_API_KEY",
        "debug_logging@production:search:LOG_LEVEL",
      ]),
    );
    expect(all).not.toContain("drift@staging:orders:ORDERS_EXPORT_BUCKET");
  });

  it("qa never sees development's findings", async () => {
    const qa = await ids("qa@example.com");
    expect(qa.some((f) => f.includes("@development:"))).toBe(false);
    expect(qa).toContain("debug_logging@production:search:LOG_LEVEL");
  });

  it("an executive (config access on staging only) sees only staging findings and no drift into production", async () => {
    const exec = await ids("exec@example.com");
    expect(exec.every((f) => f.includes("@staging:"))).toBe(true);
    expect(exec).toContain("higher_env_secret_reference@staging:payments:STRIPE_API_KEY");
    expect(exec.some((f) => f.startsWith("drift@staging"))).toBe(false);
  });

  it("filters by environment", async () => {
    const prod = await ids("platform@example.com", { environment: "production" });
    expect(prod).toContain("debug_logging@production:search:LOG_LEVEL");
    expect(prod).toContain("drift@staging:checkout:FEATURE_PAYPAL");
    expect(prod.some((f) => f.includes("@development:"))).toBe(false);
  });
});

describe("listConfigFindings freshness", () => {
  it("reflects a change right away (the memo is keyed on the data)", async () => {
    const { saveConfigEntry } = await import("@/lib/data/config/save-config-entry");
    const platform = await principalFor("platform@example.com");
    expect(await ids("platform@example.com")).toContain("debug_logging@production:search:LOG_LEVEL");
    await saveConfigEntry(platform, { env: "production", service: "search", layer: "env", key: "LOG_LEVEL", value: "warn", expectedVersion: 1, comment: "", delete: false });
    expect(await ids("platform@example.com")).not.toContain("debug_logging@production:search:LOG_LEVEL");
    const { markIntendedDifference } = await import("@/lib/data/compare/mark-intended-difference");
    await markIntendedDifference(platform, { from: "staging", to: "production", service: "checkout", key: "FEATURE_PAYPAL", reason: "on purpose" });
    expect(await ids("platform@example.com")).not.toContain("drift@staging:checkout:FEATURE_PAYPAL");
  });
});
