import type { Principal } from "@/lib/authz";

/** The overview's findings panel (owned by that area; replace this stub). */
export async function OverviewFindings(_props: { user: Principal }) {
  return null;
}
