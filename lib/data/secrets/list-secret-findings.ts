import "server-only";
import { db } from "@/lib/db";
import { inEnvironmentsWhere, type Principal } from "@/lib/authz";
import { secretFindings } from "@/lib/domain/rotation";

/** Rotation findings over the live secrets the principal may read the metadata of. */
export async function listSecretFindings(principal: Principal, now: Date = new Date()) {
  const rows = await db().secret.findMany({
    where: { ...inEnvironmentsWhere(principal, "view_secrets"), deletedAt: null },
    select: { name: true, environmentId: true, type: true, rotationPolicy: true, rotationDays: true, lastRotatedAt: true, nextRotationAt: true },
    orderBy: [{ name: "asc" }],
  });
  return secretFindings(rows, now);
}
