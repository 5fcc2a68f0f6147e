import type { Principal } from "@/lib/authz";

/** The overview's deployments panel (owned by that area; replace this stub). */
export async function OverviewDeployments(_props: { user: Principal }) {
  return null;
}
