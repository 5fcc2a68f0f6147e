import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import type { TUpdateEnvironment } from "@/lib/validations/environment";
import { getEnvironment } from "./get-environment";

/**
 * Edits an environment's details (needs `full`). Optimistic: the update only applies
 * when the version the editor saw is still current, else a CONFLICT; audited in the
 * same transaction.
 */
export async function updateEnvironment(principal: Principal, input: TUpdateEnvironment) {
  const current = await getEnvironment(principal, input.slug, "manage");
  const { slug: _slug, version, ...changes } = input;
  return db().$transaction(async (tx) => {
    const result = await tx.environment.updateMany({
      where: { id: current.id, version },
      data: { ...changes, availabilitySla: changes.availabilitySla.toString(), version: { increment: 1 } },
    });
    if (result.count === 0) throw new AppError("CONFLICT", "Someone else changed this environment since you opened it. Reload to see their change.");
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof typeof current]]));
    await writeAudit(tx, { actor: principal, action: "environment.update", targetType: "environment", targetId: current.id, environmentId: current.id, before, after: changes });
    return { version: version + 1 };
  });
}
