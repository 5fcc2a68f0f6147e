import { NextResponse } from "next/server";
import { apiRoute, parseOr422, readJson } from "@/lib/api/handler";
import { hasScope } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { getServiceConfig } from "@/lib/data/config/get-service-config";
import { applyConfigSnapshot } from "@/lib/data/config/import-layer";
import { ZConfigSnapshotSchema } from "@/lib/validations/config";

type P = { env: string; service: string };

export const GET = apiRoute<P>(async ({ params, principal }) => {
  if (!hasScope(principal, "read")) throw new AppError("FORBIDDEN", "This token lacks the read scope.");
  const cfg = await getServiceConfig(principal, params.env, params.service);
  return {
    data: {
      environment: { slug: cfg.environment.slug, name: cfg.environment.name },
      service: { slug: cfg.service.slug, name: cfg.service.name },
      precedence: cfg.precedence,
      secretsVisible: cfg.secretsVisible,
      keys: cfg.keys,
    },
  };
});

export const POST = apiRoute<P>(async ({ req, params, principal }) => {
  const body = parseOr422(ZConfigSnapshotSchema, await readJson(req));
  const result = await applyConfigSnapshot(principal, { env: params.env, service: params.service, ...body });
  return NextResponse.json({ data: result }, { status: 200 });
});
