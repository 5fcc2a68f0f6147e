import { apiRoute, parseOr422 } from "@/lib/api/handler";
import { hasScope } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getSecret } from "@/lib/data/secrets/get-secret";
import { secretDetailToApi } from "@/lib/data/secrets/to-api";
import { ZSecretIdSchema } from "@/lib/validations/secrets";

export const GET = apiRoute<{ id: string }>(async ({ params, principal }) => {
  if (!hasScope(principal, "read")) throw new AppError("FORBIDDEN", "This token lacks the read scope.");
  const id = parseOr422(ZSecretIdSchema, params.id);
  return { data: secretDetailToApi(await getSecret(principal, id)) };
});
