import { apiRoute, parseOr422 } from "@/lib/api/handler";
import { hasScope } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { compareEnvironments } from "@/lib/data/compare/compare-environments";
import { ZCompareQuerySchema } from "@/lib/validations/config";

export const GET = apiRoute(async ({ req, principal }) => {
  if (!hasScope(principal, "read")) throw new AppError("FORBIDDEN", "This token lacks the read scope.");
  const query = parseOr422(ZCompareQuerySchema, Object.fromEntries(req.nextUrl.searchParams));
  return { data: await compareEnvironments(principal, query) };
});
