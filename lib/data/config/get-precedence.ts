import "server-only";
import { db } from "@/lib/db";
import { normalizePrecedence } from "@/lib/domain/precedence";
import type { ConfigLayer } from "@/generated/prisma/enums";

/** The organisation's precedence order, highest first (the default when unset). */
export async function getPrecedence(): Promise<ConfigLayer[]> {
  const org = await db().orgSetting.findUnique({ where: { id: 1 }, select: { precedence: true } });
  return normalizePrecedence(org?.precedence);
}
