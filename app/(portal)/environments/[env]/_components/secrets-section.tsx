import type { Principal } from "@/lib/authz";

/** The environment page's secrets section (owned by the secrets area; replace this stub). */
export async function SecretsSection(_props: { user: Principal; env: { id: string; slug: string; name: string; level: string } }) {
  return null;
}
