import type { Principal } from "@/lib/authz";

/** The environment page's deployments section (owned by the deployments area; replace this stub). */
export async function DeploymentsSection(_props: { user: Principal; env: { id: string; slug: string; name: string; level: string } }) {
  return null;
}
