import type { Principal } from "@/lib/authz";

/** The environment page's config section (owned by the config area; replace this stub). */
export async function ConfigSection(_props: { user: Principal; env: { id: string; slug: string; name: string; level: string } }) {
  return null;
}
