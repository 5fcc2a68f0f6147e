// The CI API through its route handlers, with real Requests against this file's database.
import { describe, expect, it, beforeAll } from "vitest";
import { NextRequest } from "next/server";
import { testDb } from "@/tests/support/db";
import { createToken } from "@/lib/data/tokens/create-token";
import { revokeToken } from "@/lib/data/tokens/revoke-token";
import { GET, POST } from "@/app/api/v1/deployments/route";
import { PATCH } from "@/app/api/v1/deployments/[id]/route";
import { enforceRateLimit } from "@/app/api/v1/deployments/_lib/rate-limit";

let ci = "";
let readOnly = "";
let devToken = "";

beforeAll(async () => {
  ci = (await createToken({ actor: "operator", name: "github-actions", kind: "ci", scopes: ["read", "deployments:write"] })).token;
  readOnly = (await createToken({ actor: "operator", name: "reader", kind: "ci", scopes: ["read"] })).token;
  devToken = (await createToken({ actor: "operator", name: "dev laptop", kind: "user", userEmail: "dev@example.com", scopes: ["read", "deployments:write"] })).token;
});

function call(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(new URL(path, "http://localhost"), { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}
const post = (token: string | null, body: unknown) => POST(call("POST", "/api/v1/deployments", token, body), { params: Promise.resolve({}) });
const patch = (token: string | null, id: string, body: unknown) => PATCH(call("PATCH", `/api/v1/deployments/${id}`, token, body), { params: Promise.resolve({ id }) });
const get = (token: string | null, query: string) => GET(call("GET", `/api/v1/deployments?${query}`, token), { params: Promise.resolve({}) });

const report = (externalId: string, extra: Record<string, unknown> = {}) => ({ externalId, environment: "production", service: "checkout", version: "v9.9.9", commitSha: "a1b2c3d4e5f6", strategy: "canary", ...extra });

describe("POST /api/v1/deployments", () => {
  it("creates once per externalId: the same report twice is one deployment", async () => {
    const first = await post(ci, report("gha-run-1"));
    expect(first.status).toBe(201);
    const a = await first.json();
    const second = await post(ci, report("gha-run-1"));
    expect(second.status).toBe(200);
    const b = await second.json();
    expect(b.data.id).toBe(a.data.id);
    expect(b.created).toBe(false);
    expect(await testDb.deployment.count({ where: { externalId: "gha-run-1" } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "deployment.report", targetId: a.data.id } })).toBe(1);
  });

  it("is safe under concurrent identical reports", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => post(ci, report("gha-run-race"))));
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.data.id)).size).toBe(1);
    expect(await testDb.deployment.count({ where: { externalId: "gha-run-race" } })).toBe(1);
  });

  it.each([
    // (No Authorization header at all falls back to the session, which needs a real request: see e2e.)
    ["an unknown token", "pty_unknown", report("x1"), 401, "UNAUTHENTICATED"],
    ["a token without deployments:write", "readOnly", report("x2"), 403, "FORBIDDEN"],
    ["an unknown environment", "ci", report("x3", { environment: "moon" }), 404, "NOT_FOUND"],
    ["an unknown service", "ci", report("x4", { service: "nope" }), 404, "NOT_FOUND"],
    ["a developer's token on production (read logs only)", "dev", report("x5"), 403, "FORBIDDEN"],
    ["an invalid field", "ci", report("x6", { commitSha: "not-hex", strategy: "yolo" }), 422, "UNPROCESSABLE"],
    ["malformed JSON", "ci", "{nope", 400, "BAD_REQUEST"],
  ])("refuses %s", async (_name, who, body, status, code) => {
    const token = who === "pty_unknown" ? who : who === "ci" ? ci : who === "dev" ? devToken : readOnly;
    const res = await post(token, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it("names the invalid fields", async () => {
    const res = await post(ci, report("x7", { commitSha: "zz", progress: 101 }));
    expect((await res.json()).error.fields).toMatchObject({ commitSha: expect.any(Array), progress: expect.any(Array) });
  });

  it("rejects a body over 1 MB", async () => {
    const res = await post(ci, report("x8", { changeTicket: "x".repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });

  it("lets a developer's token report to staging (read + deploy)", async () => {
    expect((await post(devToken, report("dev-1", { environment: "staging" }))).status).toBe(201);
  });

  it("marks the deployment a rollback replaces", async () => {
    const bad = await (await post(ci, report("rb-1", { status: "succeeded", version: "v10.0.0" }))).json();
    const rb = await post(ci, report("rb-2", { version: "v9.9.9", rollbackOf: "rb-1" }));
    expect(rb.status).toBe(201);
    const replaced = await testDb.deployment.findUniqueOrThrow({ where: { id: bad.data.id }, select: { status: true } });
    expect(replaced.status).toBe("rolled_back");
    const listed = await (await get(ci, "environment=production&service=checkout&status=rolled_back&limit=5")).json();
    expect(listed.data.find((d: { id: string }) => d.id === bad.data.id).replacedBy).toBe((await rb.json()).data.id);
  });

  it("answers 429 when one token sends too many", () => {
    const p = { kind: "token" as const, userId: null, email: "ci", name: "ci", roles: [], levels: new Map(), tokenId: "rate-test" };
    for (let i = 0; i < 3; i++) enforceRateLimit(p, 3, 1000);
    expect(() => enforceRateLimit(p, 3, 1000)).toThrow(expect.objectContaining({ code: "RATE_LIMITED" }));
    expect(() => enforceRateLimit(p, 3, 61_001)).not.toThrow();
  });
});

describe("PATCH /api/v1/deployments/{id}", () => {
  it("walks the lifecycle, ignores a late in-progress, and refuses an invalid move with 409", async () => {
    const created = await (await post(ci, report("life-1"))).json();
    const id = created.data.id;
    expect((await (await patch(ci, id, { status: "in_progress", progress: 30 })).json()).outcome).toBe("applied");
    const done = await (await patch(ci, "life-1", { status: "succeeded" })).json();
    expect(done).toMatchObject({ outcome: "applied", data: { status: "succeeded", progress: 100 } });
    expect(done.data.finishedAt).toBeTruthy();
    const late = await patch(ci, id, { status: "in_progress", progress: 60 });
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ outcome: "ignored", data: { status: "succeeded", progress: 100 } });
    const invalid = await patch(ci, id, { status: "failed" });
    expect(invalid.status).toBe(409);
    expect((await invalid.json()).error.code).toBe("CONFLICT");
    expect(await testDb.auditEvent.count({ where: { action: "deployment.status", targetId: id } })).toBe(2);
  });

  it("applies exactly one of two racing finishes", async () => {
    const { data } = await (await post(ci, report("race-2", { status: "in_progress" }))).json();
    const [a, b] = await Promise.all([patch(ci, data.id, { status: "succeeded" }), patch(ci, data.id, { status: "failed" })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it("answers 404 for an unknown deployment and 422 for an empty change", async () => {
    expect((await patch(ci, "nope", { status: "failed" })).status).toBe(404);
    const { data } = await (await post(ci, report("empty-1"))).json();
    expect((await patch(ci, data.id, {})).status).toBe(422);
  });
});

describe("GET /api/v1/deployments", () => {
  it("pages with the cursor without overlap, newest first", async () => {
    const first = await (await get(ci, "environment=staging&limit=20")).json();
    expect(first.data).toHaveLength(20);
    const second = await (await get(ci, `environment=staging&limit=20&cursor=${first.nextCursor}`)).json();
    const ids = new Set(first.data.map((d: { id: string }) => d.id));
    expect(second.data.some((d: { id: string }) => ids.has(d.id))).toBe(false);
    expect(Date.parse(first.data[19].startedAt)).toBeGreaterThanOrEqual(Date.parse(second.data[0].startedAt));
    expect(second.data.every((d: { environment: { slug: string } }) => d.environment.slug === "staging")).toBe(true);
  });

  it("shows a person's token only the environments they may see (exec: none at read (logs) in production)", async () => {
    const exec = (await createToken({ actor: "operator", name: "exec", kind: "user", userEmail: "exec@example.com", scopes: ["read"] })).token;
    const res = await (await get(exec, "limit=200")).json();
    expect(res.data.every((d: { environment: { slug: string } }) => d.environment.slug === "staging")).toBe(true);
    expect((await (await get(exec, "environment=production")).json()).data).toEqual([]);
  });

  it("filters by status, person and a date range", async () => {
    const res = await (await get(ci, "environment=production&status=succeeded&person=platform@example.com&from=2026-01-01&to=2099-01-01&limit=200")).json();
    expect(res.data.length).toBeGreaterThan(0);
    for (const d of res.data) expect(d).toMatchObject({ status: "succeeded", triggeredBy: "platform@example.com", environment: { slug: "production" } });
    const none = await (await get(ci, "from=2099-01-01")).json();
    expect(none.data).toEqual([]);
    expect((await get(ci, "status=exploded")).status).toBe(422);
  });

  it("refuses a forged cursor with 422, and a revoked token with 401", async () => {
    expect((await get(ci, "cursor=garbage")).status).toBe(422);
    const t = await createToken({ actor: "operator", name: "short-lived", kind: "ci", scopes: ["read"] });
    expect((await get(t.token, "limit=1")).status).toBe(200);
    await revokeToken("operator", t.id);
    expect((await get(t.token, "limit=1")).status).toBe(401);
  });

  it("a write-only token reads nothing: 403 without the read scope", async () => {
    const w = await createToken({ actor: "operator", name: "write-only", kind: "ci", scopes: ["deployments:write"] });
    const res = await get(w.token, "limit=1");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN", message: "This token lacks the read scope." } });
  });
});
