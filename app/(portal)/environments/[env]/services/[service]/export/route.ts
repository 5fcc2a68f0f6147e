import { apiRoute, parseOr422 } from "@/lib/api/handler";
import { exportConfig } from "@/lib/data/config/export-config";
import { ZExportSchema } from "@/lib/validations/config";

/** Download a layer or the effective config as .env or JSON (session or token; needs view_config). */
export const GET = apiRoute<{ env: string; service: string }>(async ({ req, params, principal }) => {
  const q = parseOr422(ZExportSchema, Object.fromEntries(req.nextUrl.searchParams));
  const file = await exportConfig(principal, { env: params.env, service: params.service, ...q });
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});
