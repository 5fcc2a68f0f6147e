// GET /api/v1/secrets through its route handlers, with real Requests against this file's database.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { testDb } from "@/tests/support/db";
import { createToken } from "@/lib/data/tokens/create-token";
import { GET as list } from "@/app/api/v1/secrets/route";
import { GET as detail } from "@/app/api/v1/secrets/[id]/route";
import { openApiDocument } from "@/lib/openapi/document";

const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const email of ["platform@example.com", "dev@example.com", "qa@example.com"]) {
    tokens[email] = (await createToken({ actor: "operator", name: `t-${email}`, kind: "user", userEmail: email, scopes: ["read"] })).token;
  }
  tokens.ci = (await createToken({ actor: "operator", name: "ci", kind: "ci", scopes: ["read"] })).token;
  tokens.noscope = (await createToken({ actor: "operator", name: "writer", kind: "user", userEmail: "platform@example.com", scopes: ["deployments:write"] })).token;
});

const req = (path: string, token: string | null) => new NextRequest(new URL(path, "http://localhost"), { headers: token ? { authorization: `Bearer ${token}` } : {} });
const get = (query: string, token: string | null) => list(req(`/api/v1/secrets?${query}`, token), { params: Promise.resolve({}) });
const getOne = (id: string, token: string | null) => detail(req(`/api/v1/secrets/${id}`, token), { params: Promise.resolve({ id }) });

describe("GET /api/v1/secrets", () => {
  it("pages through every visible secret with nextCursor, no duplicates, never a value", async () => {
    const names: string[] = [];
    let cursor = "";
    for (let i = 0; i < 10; i++) {
      const res = await get(`limit=7&sort=-name${cursor ? `&cursor=${cursor}` : ""}`, tokens["platform@example.com"]);
      expect(res.status).toBe(200);
      const body = await res.json();
      names.push(...body.data.map((s: { name: string }) => s.name));
      for (const s of body.data) expect(JSON.stringify(s)).not.toMatch(/"value"/);
      if (!body.nextCursor) break;
      cursor = encodeURIComponent(body.nextCursor);
    }
    expect(names).toHaveLength(24);
    expect(new Set(names).size).toBe(24);
    expect(names).toEqual([...names].sort().reverse());
  });

  it("filters by environment and rotation status", async () => {
    const res = await get("environment=production&rotation=overdue", tokens["platform@example.com"]);
    const body = await res.json();
    expect(body.data.map((s: { name: string }) => s.name)).toEqual(["production/ssh/bastion-key"]);
    expect(body.data[0].rotation.status).toBe("overdue");
  });

  it("gives a developer no production secret metadata, and 404 when asked for it", async () => {
    const all = await (await get("limit=200", tokens["dev@example.com"])).json();
    expect(all.data.some((s: { name: string }) => s.name.startsWith("production/"))).toBe(false);
    const res = await get("environment=production", tokens["dev@example.com"]);
    expect(res.status).toBe(404);
    const row = await testDb.secret.findUniqueOrThrow({ where: { name: "production/stripe/api-key" } });
    expect((await getOne(row.id, tokens["dev@example.com"])).status).toBe(404);
    expect((await getOne(row.id, tokens["qa@example.com"])).status).toBe(200);
  });

  it("a CI token (read (logs) everywhere) sees no secret metadata; a token without read scope is refused", async () => {
    expect((await (await get("", tokens.ci)).json()).data).toEqual([]);
    expect((await get("", tokens.noscope)).status).toBe(403);
  });

  it("answers invalid filters with field errors", async () => {
    const res = await get("type=password&rotation=late&limit=0&cursor=xyz", tokens["platform@example.com"]);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(["limit", "rotation", "type"]);
    const bad = await get("cursor=xyz", tokens["platform@example.com"]);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.cursor).toBeDefined();
  });

  it("the detail has principals, ARN, tags and references", async () => {
    const row = await testDb.secret.findUniqueOrThrow({ where: { name: "staging/database/password" } });
    const body = await (await getOne(row.id, tokens["platform@example.com"])).json();
    expect(body.data).toMatchObject({ name: "staging/database/password", sourceId: expect.stringMatching(/^arn:aws:secretsmanager/), tags: { environment: "staging" } });
    expect(body.data.principals.length).toBeGreaterThan(0);
    expect(body.data.references.length).toBeGreaterThan(0);
  });

  it("is described in the OpenAPI document", () => {
    const doc = openApiDocument();
    expect(doc.paths?.["/api/v1/secrets"]?.get).toBeDefined();
    expect(doc.paths?.["/api/v1/secrets/{id}"]?.get).toBeDefined();
  });
});
