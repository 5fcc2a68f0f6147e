import { describe, expect, it } from "vitest";
import { environmentFor, mapSecret, typeFor, type SyncEnvironment } from "./map";
import { isRetryable, safeErrorText } from "./errors";

const ENVS: SyncEnvironment[] = [
  { id: "e-dev", slug: "development", name: "Development", secretPrefix: "dev/" },
  { id: "e-stg", slug: "staging", name: "Staging", secretPrefix: "staging/" },
  { id: "e-prd", slug: "production", name: "Production", secretPrefix: "production/" },
];

describe("environmentFor", () => {
  const cases: [string, string, Record<string, string>, string][] = [
    ["prefix", "production/db/password", {}, "production"],
    ["prefix wins over a tag", "dev/api-key", { environment: "production" }, "development"],
    ["tag by slug", "legacy-db", { environment: "staging" }, "staging"],
    ["tag by prefix word, any case, any key case", "reporting", { Environment: "DEV" }, "development"],
    ["tag by name", "x", { environment: "Production" }, "production"],
    ["a prefix needs its slash", "development-thing", {}, "unmapped"],
    ["unknown tag value", "qa-env/db", { environment: "qa" }, "unmapped"],
    ["nothing", "shared/ci/token", { team: "platform" }, "unmapped"],
  ];
  for (const [name, secret, tags, expected] of cases) {
    it(name, () => {
      const r = environmentFor(secret, tags, ENVS);
      expect(typeof r === "string" ? "unmapped" : r.slug).toBe(expected);
    });
  }
});

describe("typeFor", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["production/database/password", {}, "database_password"],
    ["staging/orders/db-credentials", {}, "database_password"],
    ["dev/stripe/api-key", {}, "api_key"],
    ["dev/github/token", {}, "api_key"],
    ["production/tls/api-certificate", {}, "tls_certificate"],
    ["production/ssh/bastion-key", {}, "ssh_key"],
    ["production/kms/data-key", {}, "encryption_key"],
    ["production/misc", {}, "other"],
    ["legacy-billing-db", { type: "database_password" }, "database_password"],
    ["production/misc", { type: "nonsense" }, "other"],
  ];
  for (const [name, tags, expected] of cases) it(`${name} → ${expected}`, () => expect(typeFor(name, tags)).toBe(expected));
});

describe("mapSecret", () => {
  it("maps rotation, principals, owner and tags; computes the next rotation when AWS states none", () => {
    const last = new Date("2026-01-01T00:00:00Z");
    const r = mapSecret(
      { Name: "production/database/password", ARN: "arn:x", RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: last, Tags: [{ Key: "team", Value: "platform" }, { Key: "principals", Value: "arn:a, arn:b" }] },
      ENVS,
    );
    expect("secret" in r && r.secret).toMatchObject({ environmentId: "e-prd", rotationPolicy: "automatic", rotationDays: 30, owner: "platform", principals: ["arn:a", "arn:b"], sourceId: "arn:x", tags: { team: "platform" } });
    expect("secret" in r && r.secret.nextRotationAt?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });

  it("reports an unmapped secret with its name, ARN and why", () => {
    expect(mapSecret({ Name: "shared/x", ARN: "arn:y" }, ENVS)).toEqual({ unmapped: { name: "shared/x", arn: "arn:y", reason: expect.stringContaining("no environment prefix") } });
  });

  it("has no way to carry a value: unknown response fields are not mapped", () => {
    const r = mapSecret({ Name: "dev/x", ARN: "arn:z", SecretString: "CANARY" } as never, ENVS);
    expect(JSON.stringify(r)).not.toContain("CANARY");
  });
});

describe("errors", () => {
  it("classifies retryable failures", () => {
    expect(isRetryable({ name: "ThrottlingException" })).toBe(true);
    expect(isRetryable({ code: "ECONNRESET" })).toBe(true);
    expect(isRetryable({ name: "X", $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isRetryable({ name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isRetryable({ name: "SyntaxError" })).toBe(false);
  });
  it("never quotes an error's message or response", () => {
    const e = Object.assign(new Error('Unexpected token in JSON at position 3: {"SecretString":"CANARY-1"}'), { name: "SyntaxError", $response: { body: "CANARY-1" }, $metadata: { httpStatusCode: 200 } });
    expect(safeErrorText(e)).toBe("SyntaxError (HTTP 200): Secrets Manager returned a response that could not be parsed");
    expect(safeErrorText(Object.assign(new Error("CANARY-2 leaked"), { name: "WeirdException" }))).not.toContain("CANARY");
    expect(safeErrorText(Object.assign(new Error("x"), { name: "bad name with CANARY spaces" }))).toBe("Error: the request failed");
  });
});
