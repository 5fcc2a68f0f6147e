"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

// Sessions are JWTs in a cookie: signing out deletes it. A plain form POST, so it
// works before the page has hydrated.
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
  redirect("/signin");
}
