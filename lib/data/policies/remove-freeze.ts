import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { allows, type Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { requirePlatform } from "./update-policy";

/** Removes a freeze period (platform only, audited). */
export async function removeFreeze(principal: Principal, id: string) {
  requirePlatform(principal);
  const freeze = await db().freezePeriod.findUnique({ where: { id }, select: { id: true, environmentId: true, startsAt: true, endsAt: true, reason: true } });
  if (!freeze || !allows(principal, freeze.environmentId, "see")) throw notFound("Freeze not found");
  return db().$transaction(async (tx) => {
    const result = await tx.freezePeriod.deleteMany({ where: { id } });
    if (result.count === 0) throw new AppError("CONFLICT", "This freeze was already removed.");
    await writeAudit(tx, { actor: principal, action: "policy.freeze.remove", targetType: "freeze", targetId: id, environmentId: freeze.environmentId, before: { startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString(), reason: freeze.reason } });
    return { removed: true };
  });
}
