import { apiRoute, parseOr422, readJson } from "@/lib/api/handler";
import { decidePromotion } from "@/lib/data/promotions/decide-promotion";
import { ZDecisionBodySchema, ZDecisionSchema } from "@/lib/validations/promotions";

export const POST = apiRoute<{ id: string }>(async ({ req, params, principal }) => {
  const body = parseOr422(ZDecisionBodySchema, await readJson(req));
  const input = parseOr422(ZDecisionSchema, { decision: "reject", comment: body.comment });
  return { data: await decidePromotion(principal, params.id, input) };
});
