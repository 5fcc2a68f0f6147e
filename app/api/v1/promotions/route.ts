import { NextResponse } from "next/server";
import { apiRoute, parseOr422, readJson } from "@/lib/api/handler";
import { requestPromotion } from "@/lib/data/promotions/request-promotion";
import { listPromotions } from "@/lib/data/promotions/list-promotions";
import { getPromotion } from "@/lib/data/promotions/get-promotion";
import { ZQueueQuerySchema, ZRequestPromotionSchema } from "@/lib/validations/promotions";
import { toApiPromotion } from "./_lib/to-api";

export const GET = apiRoute(async ({ req, principal }) => {
  const query = ZQueueQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const page = await listPromotions(principal, query);
  return { data: page.items, nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, principal }) => {
  const input = parseOr422(ZRequestPromotionSchema, await readJson(req));
  const created = await requestPromotion(principal, input);
  return NextResponse.json({ data: toApiPromotion(await getPromotion(principal, created.id)) }, { status: 201 });
});
