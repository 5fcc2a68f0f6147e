// The config and compare endpoints through their route handlers, with real Requests.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { testDb } from "@/tests/support/db";
import { createToken } from "@/lib/data/tokens/create-token";
import { GET as getConfig, POST as postSnapshot } from "@/app/api/v1/environments/[env]/services/[service]/config/route";
import { GET as getCompare } from "@/app/api/v1/compare/route";

const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const email of ["platform@example.com", "dev@example.com", "qa@example.com"]) {
    tokens[email] = (await createToken({ actor: "operator", name: `t-${email}`, kind: "user", userEmail: email, scopes: ["read", "config:write"] })).token;
  }
  tokens.ci = (await createToken({ actor: "operator", name: "ci", kind: "ci", scopes: ["read", "config:write"] })).token;
  tokens.ciRead = (await createToken({ actor: "operator", name: "ci-read", kind: "ci", scopes: ["read"] })).token;
});

const headers = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}`, "content-type": "application/json" } : {});
const config = (env: string, service: string, token: string | null) =>
  getConfig(new NextRequest(new URL(`/api/v1/environments/${env}/services/${service}/config`, "http://localhost"), { headers: headers(token) }), { params: Promise.resolve({ env, service }) });
const snapshot = (env: string, service: string, token: string | null, body: unknown) =>
  postSnapshot(new NextRequest(new URL(`/api/v1/environments/${env}/services/${service}/config`, "http://localhost"), { method: "POST", headers: headers(token), body: JSON.stringify(body) }), { params: Promise.resolve({ env, service }) });
const compare = (query: string, token: string | null) => getCompare(new NextRequest(new URL(`/api/v1/compare?${query}`, "http://localhost"), { headers: headers(token) }), { params: Promise.resolve({}) });

describe("GET config", () => {
  it("returns effective config with provenance", async () => {
    const res = await config("production", "search", tokens["platform@example.com"]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.precedence).toEqual(["flag", "env", "secret", "file", "default"]);
    expect(body.data.keys.find((k: { key: string }) => k.key === "LOG_LEVEL")).toMatchObject({ value: "debug", layer: "env", overrode: [{ layer: "default", value: "info" }] });
  });

  it("is a 404 (not 403) for an invisible environment or an unknown service", async () => {
    const res = await config("development", "search", tokens["qa@example.com"]);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
    expect((await config("production", "nope", tokens["platform@example.com"])).status).toBe(404);
  });
});

describe("GET compare", () => {
  it("returns the diff with parity scores", async () => {
    const res = await compare("from=staging&to=production&service=checkout", tokens["dev@example.com"]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.services[0].rows.find((r: { key: string }) => r.key === "FEATURE_PAYPAL").status).toBe("removed");
    expect(body.data.overall.score).toBeLessThan(100);
  });
  it("422 with field errors when from/to are missing; 404 for an invisible environment", async () => {
    const res = await compare("from=staging", tokens["dev@example.com"]);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.to).toBeTruthy();
    expect((await compare("from=development&to=staging", tokens["qa@example.com"])).status).toBe(404);
  });
});

describe("POST config snapshot", () => {
  const body = { layer: "env", entries: { NODE_ENV: "production", PORT: "8081", NEW_FROM_CI: "1" }, mode: "merge" };

  it("a CI token with config:write applies it once; a repeat changes nothing", async () => {
    const first = await snapshot("staging", "inventory", tokens.ci, body);
    expect(first.status).toBe(200);
    expect((await first.json()).data).toEqual({ added: 1, changed: 1, removed: 0 });
    const again = await snapshot("staging", "inventory", tokens.ci, body);
    expect((await again.json()).data).toEqual({ added: 0, changed: 0, removed: 0 });
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "config.import" }, orderBy: { id: "desc" } });
    expect(event.actorLabel).toBe("ci-token:ci");
  });

  it("a CI token without config:write gets 403", async () => {
    expect((await snapshot("staging", "inventory", tokens.ciRead, body)).status).toBe(403);
  });

  it("a developer's token cannot write production (404), nor qa development", async () => {
    expect((await snapshot("production", "inventory", tokens["dev@example.com"], body)).status).toBe(404);
    expect((await snapshot("development", "inventory", tokens["qa@example.com"], body)).status).toBe(404);
  });

  it("invalid keys are a 422 naming the field", async () => {
    const res = await snapshot("staging", "inventory", tokens.ci, { layer: "env", entries: { "9bad": "x" } });
    expect(res.status).toBe(422);
  });
});
