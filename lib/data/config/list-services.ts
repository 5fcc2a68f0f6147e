import "server-only";
import { db } from "@/lib/db";

/** Every service, by name (services are not environment-scoped). */
export async function listServices() {
  return db().service.findMany({ select: { slug: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
