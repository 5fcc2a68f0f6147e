import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { requirePlatform, visibleEnvironment } from "./update-policy";

/** Adds a freeze period (platform only, audited). */
export async function addFreeze(principal: Principal, input: { environment: string; startsAt: Date; endsAt: Date; reason: string }) {
  requirePlatform(principal);
  const env = await visibleEnvironment(principal, input.environment);
  return db().$transaction(async (tx) => {
    const freeze = await tx.freezePeriod.create({ data: { environmentId: env.id, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason, createdById: principal.userId }, select: { id: true } });
    await writeAudit(tx, { actor: principal, action: "policy.freeze.add", targetType: "freeze", targetId: freeze.id, environmentId: env.id, after: { startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), reason: input.reason } });
    return freeze;
  });
}
