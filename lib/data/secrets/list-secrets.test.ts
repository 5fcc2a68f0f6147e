import { describe, expect, it } from "vitest";
import { principalFor, testDb } from "@/tests/support/db";
import { ZSecretListQuerySchema, SECRET_SORTS, type TSecretListQuery } from "@/lib/validations/secrets";
import { listSecrets } from "./list-secrets";
import { getSecret } from "./get-secret";
import { rotationSummary } from "./rotation-summary";
import { listSecretFindings } from "./list-secret-findings";

const q = (over: Record<string, unknown> = {}): TSecretListQuery => ZSecretListQuerySchema.parse(over);
const envOf = (name: string) => name.split("/")[0];

describe("listSecrets visibility", () => {
  const cases: [string, string[]][] = [
    ["platform@example.com", ["dev", "production", "staging"]],
    ["dev@example.com", ["dev", "staging"]], // read (logs) on production: no secret metadata
    ["qa@example.com", ["production", "staging"]],
    ["exec@example.com", ["staging"]], // dashboards on production
    ["cto@example.com", ["dev", "production", "staging"]],
  ];
  for (const [email, prefixes] of cases) {
    it(`${email} sees secrets of ${prefixes.join(", ")} only`, async () => {
      const { data } = await listSecrets(await principalFor(email), q({ limit: 200 }));
      expect([...new Set(data.map((s) => envOf(s.name)))].sort()).toEqual(prefixes);
    });
  }

  it("answers 404 for an environment the caller cannot read secrets of, even one they can see", async () => {
    const dev = await principalFor("dev@example.com");
    await expect(listSecrets(dev, q({ environment: "production" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const qa = await principalFor("qa@example.com");
    await expect(listSecrets(qa, q({ environment: "development" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listSecrets(qa, q({ environment: "nope" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never returns a value-like field", async () => {
    const { data } = await listSecrets(await principalFor("platform@example.com"), q());
    for (const s of data) expect(Object.keys(s)).not.toContain("value");
  });
});

describe("listSecrets filters and keyset pagination", () => {
  it("filters by environment, type, tool and search", async () => {
    const p = await principalFor("platform@example.com");
    const prod = await listSecrets(p, q({ environment: "production" }));
    expect(prod.data.every((s) => s.environment.slug === "production")).toBe(true);
    const dbpw = await listSecrets(p, q({ type: "database_password", tool: "aws_secrets_manager" }));
    expect(dbpw.data.length).toBe(6);
    const search = await listSecrets(p, q({ q: "STRIPE" }));
    expect(search.data.map((s) => s.name).sort()).toEqual(["dev/stripe/api-key", "production/stripe/api-key", "staging/stripe/api-key"]);
  });

  it("filters by rotation status in SQL exactly as the domain computes it", async () => {
    const p = await principalFor("platform@example.com");
    const all = await listSecrets(p, q({ limit: 200 }));
    for (const status of ["ok", "due_soon", "overdue", "never_rotated"] as const) {
      const filtered = await listSecrets(p, q({ rotation: status, limit: 200 }));
      expect(filtered.data.map((s) => s.id).sort()).toEqual(all.data.filter((s) => s.rotation.status === status).map((s) => s.id).sort());
    }
    expect((await listSecrets(p, q({ rotation: "never_rotated" }))).data.map((s) => s.name)).toEqual(["dev/kms/app-encryption-key"]);
  });

  for (const sort of SECRET_SORTS) {
    it(`pages through everything once, in order, sorted by ${sort}`, async () => {
      const p = await principalFor("platform@example.com");
      const whole = await listSecrets(p, q({ sort, limit: 200 }));
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await listSecrets(p, q({ sort, limit: 5, cursor }));
        seen.push(...page.data.map((s) => s.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(whole.data.map((s) => s.id));
      expect(new Set(seen).size).toBe(24);
    });
  }

  it("rejects a forged cursor with a field error", async () => {
    const p = await principalFor("platform@example.com");
    await expect(listSecrets(p, q({ cursor: "garbage!" }))).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: { cursor: expect.any(Array) } });
  });

  it("hides deleted secrets unless asked", async () => {
    const p = await principalFor("platform@example.com");
    await testDb.secret.update({ where: { name: "staging/ssh/bastion-key" }, data: { deletedAt: new Date() } });
    expect((await listSecrets(p, q({ q: "bastion" }))).data.map((s) => s.name)).not.toContain("staging/ssh/bastion-key");
    expect((await listSecrets(p, q({ q: "bastion", deleted: "show" }))).data.map((s) => s.name)).toContain("staging/ssh/bastion-key");
  });
});

describe("getSecret", () => {
  it("shows metadata, ARN and the services that reference it", async () => {
    const p = await principalFor("platform@example.com");
    const row = await testDb.secret.findUniqueOrThrow({ where: { name: "production/database/password" } });
    const s = await getSecret(p, row.id);
    expect(s.sourceId).toMatch(/^arn:aws:secretsmanager:/);
    expect(s.references.length).toBeGreaterThan(0);
    expect(s.references.every((r) => r.environment.slug === "production")).toBe(true);
  });

  it("is a 404 for a developer on a production secret and for an unknown id", async () => {
    const dev = await principalFor("dev@example.com");
    const row = await testDb.secret.findUniqueOrThrow({ where: { name: "production/database/password" } });
    await expect(getSecret(dev, row.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSecret(dev, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("rotationSummary and findings", () => {
  it("summarises per readable environment, matching the list", async () => {
    const p = await principalFor("platform@example.com");
    const now = new Date();
    const summary = await rotationSummary(p, now);
    expect(summary.map((e) => e.slug)).toEqual(["development", "staging", "production"]);
    const all = await listSecrets(p, q({ limit: 200 }), now);
    for (const e of summary) {
      const rows = all.data.filter((s) => s.environment.slug === e.slug);
      expect(e.summary.total).toBe(rows.length);
      expect(e.summary.overdue).toBe(rows.filter((s) => s.rotation.status === "overdue").length);
      expect(e.summary.never_rotated).toBe(rows.filter((s) => s.rotation.status === "never_rotated").length);
    }
    expect((await rotationSummary(await principalFor("dev@example.com"), now)).map((e) => e.slug)).toEqual(["development", "staging"]);
  });

  it("raises the seeded findings, only where the caller may read secrets", async () => {
    const findings = await listSecretFindings(await principalFor("platform@example.com"));
    const kinds = findings.map((f) => `${f.kind}:${f.secretName}`);
    expect(kinds).toContain("secret_rotation_overdue:production/ssh/bastion-key");
    expect(kinds).toContain("database_password_manual_rotation:dev/database/password");
    expect(kinds).toContain("secret_never_rotated:dev/kms/app-encryption-key");
    const devFindings = await listSecretFindings(await principalFor("dev@example.com"));
    expect(devFindings.some((f) => f.secretName.startsWith("production/"))).toBe(false);
  });
});
