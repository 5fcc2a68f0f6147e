import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { getEvidence } from "@/lib/data/promotions/get-evidence";

/** The evidence bundle as a JSON download. */
export const GET = apiRoute<{ id: string }>(async ({ params, principal }) => {
  const evidence = await getEvidence(principal, params.id);
  return new NextResponse(JSON.stringify(evidence, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="promotion-${params.id}-evidence.json"` },
  });
});
