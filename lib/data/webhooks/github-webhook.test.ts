// POST /api/webhooks/github with real GitHub payloads (@octokit/webhooks-examples), signed
// like GitHub signs them, through the route handler against this file's database.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import examples from "@octokit/webhooks-examples";
import { testDb } from "@/tests/support/db";
import { signBody } from "@/lib/domain/webhook-signature";

const SECRET = vi.hoisted(() => {
  process.env.GITHUB_WEBHOOK_SECRET = "test-webhook-secret-123";
  return "test-webhook-secret-123";
});
const { POST } = await import("@/app/api/webhooks/github/route");

type Example = { name: string; examples: Record<string, unknown>[] };
const all = examples as unknown as Example[];
const sample = (name: string) => structuredClone(all.find((e) => e.name === name)!.examples[0]) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let n = 0;
function send(event: string, payload: unknown, o: { delivery?: string; secret?: string | null; raw?: string } = {}) {
  const body = o.raw ?? JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json", "x-github-event": event, "x-github-delivery": o.delivery ?? `d-${++n}-${Date.now()}`, "user-agent": "GitHub-Hookshot/abc" };
  if (o.secret !== null) headers["x-hub-signature-256"] = signBody(o.secret ?? SECRET, body);
  return POST(new NextRequest("http://localhost/api/webhooks/github", { method: "POST", headers, body }));
}

beforeAll(async () => {
  // The examples come from Codertocat/Hello-World: map that repository to a Parity service.
  await testDb.service.update({ where: { slug: "checkout" }, data: { repository: "github.com/Codertocat/Hello-World" } });
});

describe("POST /api/webhooks/github", () => {
  it("answers ping", async () => {
    const res = await send("ping", sample("ping"));
    expect(res.status).toBe(200);
    expect((await res.json()).outcome).toBe("pong");
  });

  it("rejects a missing or wrong signature with 401 and records it without the signature", async () => {
    const missing = await send("deployment", sample("deployment"), { secret: null, delivery: "no-sig" });
    expect(missing.status).toBe(401);
    const wrong = await send("deployment", sample("deployment"), { secret: "not-the-secret", delivery: "bad-sig" });
    expect(wrong.status).toBe(401);
    const rows = await testDb.webhookDelivery.findMany({ where: { outcome: { in: ["missing_signature", "invalid_signature"] } } });
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/sha256=/);
    expect(await testDb.deployment.count({ where: { externalId: "github:145988746" } })).toBe(0);
  });

  it("creates a deployment from deployment.created, mapping the GitHub environment", async () => {
    const res = await send("deployment", sample("deployment"), { delivery: "gh-dep-1" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.outcome).toBe("deployment_created");
    const dep = await testDb.deployment.findUniqueOrThrow({ where: { externalId: "github:145988746" }, select: { status: true, commitSha: true, version: true, triggeredBy: true, environment: { select: { slug: true } }, service: { select: { slug: true } } } });
    expect(dep).toMatchObject({ status: "queued", commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", version: "master", triggeredBy: "Codertocat (GitHub)", environment: { slug: "production" }, service: { slug: "checkout" } });
    const stored = await testDb.webhookDelivery.findUniqueOrThrow({ where: { deliveryId: "gh-dep-1" } });
    expect(stored).toMatchObject({ event: "deployment", action: "created", outcome: "deployment_created", statusCode: 200, deploymentId: body.deploymentId });
    expect(stored.headers).toMatchObject({ "x-github-event": "deployment", "x-hub-signature-256": "(present, not stored)" });
  });

  it("a redelivery changes nothing, even racing the original", async () => {
    const before = await testDb.auditEvent.count();
    const again = await send("deployment", sample("deployment"), { delivery: "gh-dep-1" });
    expect((await again.json()).outcome).toBe("duplicate");
    const p = sample("deployment");
    p.deployment.id = 999001;
    const racing = await Promise.all(Array.from({ length: 5 }, () => send("deployment", p, { delivery: "gh-race" })));
    const outcomes = (await Promise.all(racing.map((r) => r.json()))).map((b) => b.outcome).sort();
    expect(outcomes).toEqual(["deployment_created", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(await testDb.deployment.count({ where: { externalId: "github:999001" } })).toBe(1);
    expect(await testDb.webhookDelivery.count({ where: { deliveryId: "gh-race" } })).toBe(1);
    expect(await testDb.auditEvent.count()).toBe(before + 1);
  });

  it("applies deployment_status.created (success) and ignores a late in_progress", async () => {
    const ok = await send("deployment_status", sample("deployment_status"), { delivery: "gh-st-1" });
    expect((await ok.json()).outcome).toBe("status_applied");
    expect((await testDb.deployment.findUniqueOrThrow({ where: { externalId: "github:145988746" } })).status).toBe("succeeded");
    const late = sample("deployment_status");
    late.deployment_status.state = "in_progress";
    const res = await send("deployment_status", late, { delivery: "gh-st-2" });
    expect((await res.json()).outcome).toBe("status_ignored");
    expect((await testDb.deployment.findUniqueOrThrow({ where: { externalId: "github:145988746" } })).status).toBe("succeeded");
  });

  it("creates the deployment from a status event that arrives first", async () => {
    const p = sample("deployment_status");
    p.deployment.id = 999002;
    p.deployment.environment = "prod";
    p.deployment_status.state = "failure";
    const res = await send("deployment_status", p);
    expect((await res.json()).outcome).toBe("status_applied");
    expect(await testDb.deployment.findUniqueOrThrow({ where: { externalId: "github:999002" }, select: { status: true, environment: { select: { slug: true } } } })).toMatchObject({ status: "failed", environment: { slug: "production" } });
  });

  it("accepts but ignores unmapped environments and other events with 202", async () => {
    const pages = sample("deployment");
    pages.deployment.environment = "github-pages";
    const unmapped = await send("deployment", pages);
    expect(unmapped.status).toBe(202);
    expect((await unmapped.json()).outcome).toBe("unmapped_environment");
    const push = await send("push", { ref: "refs/heads/main" });
    expect(push.status).toBe(202);
    expect((await push.json()).outcome).toBe("ignored");
  });

  it("rejects a body over 1 MB with 413 and malformed JSON with 400", async () => {
    expect((await send("deployment", null, { raw: JSON.stringify({ pad: "x".repeat(1_000_001) }) })).status).toBe(413);
    expect((await send("deployment", null, { raw: "{not json" })).status).toBe(400);
  });
});
