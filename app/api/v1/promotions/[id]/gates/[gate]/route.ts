import { apiRoute, parseOr422, readJson } from "@/lib/api/handler";
import { reportGate } from "@/lib/data/promotions/report-gate";
import { ZGateKeySchema, ZGateReportSchema } from "@/lib/validations/promotions";

/** CI reports a gate result with evidence (token scope gates:write). */
export const POST = apiRoute<{ id: string; gate: string }>(async ({ req, params, principal }) => {
  const gate = parseOr422(ZGateKeySchema, params.gate);
  const input = parseOr422(ZGateReportSchema, await readJson(req));
  return { data: await reportGate(principal, params.id, gate, input) };
});
