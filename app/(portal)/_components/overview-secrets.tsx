import type { Principal } from "@/lib/authz";

/** The overview's secrets panel (owned by that area; replace this stub). */
export async function OverviewSecrets(_props: { user: Principal }) {
  return null;
}
