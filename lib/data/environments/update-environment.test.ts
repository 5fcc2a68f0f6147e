import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { updateEnvironment } from "./update-environment";
import { AppError } from "@/lib/errors";

const base = {
  purpose: "Pre-release validation",
  scale: "3 instances",
  dataPolicy: "Sanitized prod data",
  securityPosture: "Production-like",
  secretsPolicy: "Real but non-prod",
  monitoring: "Full monitoring",
  deploymentPolicy: "Auto on main merge",
  monthlyCostUsd: 120,
  availabilitySla: 99,
  vpcCidr: "10.1.0.0/16",
};

describe("updateEnvironment", () => {
  it("lets qa (full on staging) edit staging, audited", async () => {
    const qa = await principalFor("qa@example.com");
    const env = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } });
    await updateEnvironment(qa, { slug: "staging", version: env.version, ...base });
    const after = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } });
    expect(after.scale).toBe("3 instances");
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "environment.update" }, orderBy: { id: "desc" } });
    expect(event.actorLabel).toBe("qa@example.com");
    expect(event.before).toMatchObject({ scale: "2-3 instances, minimal" });
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    const qa = await principalFor("qa@example.com");
    const env = await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } });
    await expect(updateEnvironment(qa, { slug: "staging", version: env.version - 1, ...base, scale: "stale" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await testDb.environment.findUniqueOrThrow({ where: { slug: "staging" } })).scale).not.toBe("stale");
  });

  it("answers 404 (not 403) to a role that cannot see the environment, and to read-only roles", async () => {
    const qa = await principalFor("qa@example.com");
    const exec = await principalFor("exec@example.com");
    await expect(updateEnvironment(qa, { slug: "development", version: 1, ...base })).rejects.toBeInstanceOf(AppError);
    await expect(updateEnvironment(qa, { slug: "development", version: 1, ...base })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateEnvironment(exec, { slug: "staging", version: 1, ...base })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
