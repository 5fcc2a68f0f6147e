import { describe, expect, it } from "vitest";
import { principalFor } from "@/tests/support/db";
import { getInsights } from "./get-insights";

describe("getInsights", () => {
  it("gives an executive the environments they may see, with DORA figures from the seeded history", async () => {
    const exec = await principalFor("exec@example.com");
    const r = await getInsights(exec, { days: 90 });
    expect(r.environments.map((e) => e.slug)).toEqual(["staging", "production"]);
    const prod = r.environments.find((e) => e.slug === "production")!;
    expect(prod.metrics.successful).toBeGreaterThan(50);
    expect(prod.metrics.changeFailureRate).toBeGreaterThan(0);
    expect(prod.metrics.changeFailureRate).toBeLessThan(0.3);
    expect(prod.metrics.timeToRestoreHours).not.toBeNull();
    expect(prod.window).toMatchObject({ description: expect.stringContaining("10:00") });
    expect(prod.window!.checked).toBe(prod.metrics.deployments);
    expect(prod.trend.length).toBeGreaterThanOrEqual(12);
    expect(prod.services.length).toBeGreaterThan(5);
  });

  it("is not found for a developer", async () => {
    const dev = await principalFor("dev@example.com");
    await expect(getInsights(dev, { days: 30 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives platform and the CTO every environment", async () => {
    for (const email of ["platform@example.com", "cto@example.com"]) {
      const r = await getInsights(await principalFor(email), { days: 30 });
      expect(r.environments.map((e) => e.slug)).toEqual(["development", "staging", "production"]);
    }
  });
});
