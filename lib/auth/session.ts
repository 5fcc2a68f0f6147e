import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { sessionUserId } from "./session-user";
import { loadUserPrincipal, touchLastSeen } from "@/lib/data/users/load-principal";
import type { Principal } from "@/lib/authz";

/** The signed-in user, re-read from the database once per request; null when signed out or deactivated. */
export const currentUser = cache(async (): Promise<Principal | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  const principal = await loadUserPrincipal(id);
  if (principal) await touchLastSeen(id).catch(() => {});
  return principal;
});

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<Principal> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}
