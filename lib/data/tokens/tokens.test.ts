import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { hashToken } from "@/lib/domain/tokens";
import { authenticateToken } from "./authenticate-token";
import { createToken } from "./create-token";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";

describe("API tokens", () => {
  it("stores only the hash, authenticates, lists without the hash, and a revoked token stops working", async () => {
    const dev = await principalFor("dev@example.com");
    const created = await createToken({ actor: dev, name: "laptop", kind: "user", scopes: ["read"] });
    expect(created.token).toMatch(/^pty_/);
    const row = await testDb.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect((await authenticateToken(created.token))?.email).toBe("dev@example.com");
    const listed = await listTokens(dev);
    expect(listed.data.map((t) => t.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
    await revokeToken(dev, created.id);
    expect(await authenticateToken(created.token)).toBeNull();
    const audit = await testDb.auditEvent.findMany({ where: { targetId: created.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["token.create", "token.revoke"]);
  });

  it("lets only platform create CI tokens or tokens for others, and hides others' tokens", async () => {
    const dev = await principalFor("dev@example.com");
    const platform = await principalFor("platform@example.com");
    await expect(createToken({ actor: dev, name: "ci", kind: "ci", scopes: ["deployments:write"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createToken({ actor: dev, name: "x", kind: "user", userEmail: "qa@example.com", scopes: ["read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ci = await createToken({ actor: platform, name: "gha", kind: "ci", scopes: ["deployments:write"] });
    expect((await listTokens(dev)).data.map((t) => t.id)).not.toContain(ci.id);
    expect((await listTokens(platform)).data.map((t) => t.id)).toContain(ci.id);
    await expect(revokeToken(dev, ci.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses unknown scopes and past expiry with field errors; the CLI may create for anyone", async () => {
    await expect(createToken({ actor: "operator", name: "x", kind: "ci", scopes: ["root"] })).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { scopes: expect.any(Array) } });
    await expect(createToken({ actor: "operator", name: "x", kind: "ci", scopes: ["read"], expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ fields: { expiresAt: expect.any(Array) } });
    const t = await createToken({ actor: "operator", name: "qa script", kind: "user", userEmail: "qa@example.com", scopes: ["read"] });
    expect((await authenticateToken(t.token))?.email).toBe("qa@example.com");
  });
});
