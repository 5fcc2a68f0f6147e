import { apiRoute, parseOr422 } from "@/lib/api/handler";
import { hasScope } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { secretToApi } from "@/lib/data/secrets/to-api";
import { ZSecretListQuerySchema } from "@/lib/validations/secrets";

export const GET = apiRoute(async ({ req, principal }) => {
  if (!hasScope(principal, "read")) throw new AppError("FORBIDDEN", "This token lacks the read scope.");
  const query = parseOr422(ZSecretListQuerySchema, Object.fromEntries(req.nextUrl.searchParams));
  const page = await listSecrets(principal, query);
  return { data: page.data.map(secretToApi), nextCursor: page.nextCursor };
});
