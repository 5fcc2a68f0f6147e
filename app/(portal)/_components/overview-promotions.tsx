import type { Principal } from "@/lib/authz";

/** The overview's promotions panel (owned by that area; replace this stub). */
export async function OverviewPromotions(_props: { user: Principal }) {
  return null;
}
