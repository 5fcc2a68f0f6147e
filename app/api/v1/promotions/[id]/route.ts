import { apiRoute } from "@/lib/api/handler";
import { getPromotion } from "@/lib/data/promotions/get-promotion";
import { toApiPromotion } from "../_lib/to-api";

export const GET = apiRoute<{ id: string }>(async ({ params, principal }) => ({ data: toApiPromotion(await getPromotion(principal, params.id)) }));
