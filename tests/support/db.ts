// Test helpers: a Prisma client on this file's database, and principals built the
// same way the portal builds them.
import { prismaFor } from "../../scripts/lib/database";
import { loadUserPrincipal } from "@/lib/data/users/load-principal";
import type { Principal } from "@/lib/authz";

export const testDb = prismaFor(process.env.DATABASE_URL!);

export async function principalFor(email: string): Promise<Principal> {
  const user = await testDb.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const p = await loadUserPrincipal(user.id);
  if (!p) throw new Error(`${email} is not active`);
  return p;
}

export async function envId(slug: string): Promise<string> {
  return (await testDb.environment.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}
