import "server-only";
import { db } from "@/lib/db";

/** The demo users offered on the development sign-in page. */
export async function listDemoUsers() {
  return db().user.findMany({
    where: { active: true, email: { endsWith: "@example.com" } },
    select: { id: true, email: true, name: true, roles: { select: { role: true } } },
    orderBy: { email: "asc" },
    take: 50,
  });
}
