// Test-only helpers for the promotions DAL tests (not imported by the app).
import type { Role } from "@/generated/prisma/enums";
import { envId, principalFor, testDb } from "@/tests/support/db";
import type { Principal } from "@/lib/authz";
import { requestPromotion } from "./request-promotion";
import { reportGate } from "./report-gate";

let n = 0;

/** Makes the service's latest deploy in `env` a healthy one. */
export async function healthy(service: string, env: string, version = "v9.9.9") {
  const s = await testDb.service.findUniqueOrThrow({ where: { slug: service }, select: { id: true } });
  await testDb.deployment.create({
    data: { serviceId: s.id, environmentId: await envId(env), version, commitSha: "a".repeat(40), status: "succeeded", strategy: "rolling", progress: 100, startedAt: new Date(), finishedAt: new Date(), triggeredBy: "test" },
  });
  return version;
}

/** Creates `count` active users with `role` and returns their principals. */
export async function people(role: Role, count: number) {
  const batch = ++n;
  const out = [];
  for (let i = 0; i < count; i++) {
    const email = `${role}-${batch}-${i}@example.com`;
    await testDb.user.create({ data: { email, name: `${role} ${batch}.${i}`, roles: { create: [{ role }] } } });
    out.push(await principalFor(email));
  }
  return out;
}

export async function setPolicy(env: string, data: Parameters<typeof testDb.policy.update>[0]["data"]) {
  await testDb.policy.update({ where: { environmentId: await envId(env) }, data });
}

/** Passes every stored gate except the window, as CI and sign-offs would. */
export async function passAllGates(promotionId: string) {
  await testDb.gate.updateMany({ where: { promotionId, gate: { not: "window" } }, data: { status: "passed", reporter: "test", reportedAt: new Date() } });
}


/** A CI token principal as authenticateToken builds it. */
export async function ciToken(scopes = ["gates:write"]): Promise<Principal> {
  const envs = await testDb.environment.findMany({ select: { id: true } });
  return { kind: "token", userId: null, email: "ci-token:test", name: "test CI", roles: [], levels: new Map(envs.map((e) => [e.id, "read_logs" as const])), scopes, tokenId: "t" };
}

/** platform (full on production) requests staging → production for `service`; every gate but e2e passes, then CI reports e2e: awaiting approval. */
export async function awaitingApproval(service: string, requester = "platform@example.com") {
  await healthy(service, "staging");
  // Close whatever the seed (or an earlier round) left open for this service.
  await testDb.promotion.updateMany({ where: { service: { slug: service }, state: { in: ["requested", "checking", "awaiting_approval", "approved", "deploying"] } }, data: { state: "deployed" } });
  const p = await requestPromotion(await principalFor(requester), { service, from: "staging", to: "production", kind: "standard", reason: "Release", changeTicket: "CHG-1" });
  await testDb.gate.updateMany({ where: { promotionId: p.id, gate: { notIn: ["window", "e2e"] } }, data: { status: "passed" } });
  const r = await reportGate(await ciToken(), p.id, "e2e", { status: "passed", evidenceUrl: "https://ci.example.com/1" });
  if (r.state !== "awaiting_approval") throw new Error(`expected awaiting_approval, got ${r.state}`);
  return p.id;
}
