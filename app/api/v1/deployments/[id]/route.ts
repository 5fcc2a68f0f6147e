import { apiRoute, parseOr422, readJson } from "@/lib/api/handler";
import { updateDeploymentStatus } from "@/lib/data/deployments/update-deployment-status";
import { toApi } from "@/lib/data/deployments/select";
import { ZUpdateDeploymentSchema } from "@/lib/validations/deployments";
import { enforceRateLimit } from "../_lib/rate-limit";

export const PATCH = apiRoute<{ id: string }>(async ({ req, params, principal }) => {
  enforceRateLimit(principal);
  const input = parseOr422(ZUpdateDeploymentSchema, await readJson(req));
  const result = await updateDeploymentStatus(principal, params.id, input);
  return { data: toApi(result.deployment), outcome: result.outcome, ...(result.reason ? { reason: result.reason } : {}) };
});
