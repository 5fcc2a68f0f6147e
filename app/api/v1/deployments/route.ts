import { NextResponse } from "next/server";
import { apiRoute, parseOr422, readJson } from "@/lib/api/handler";
import { listDeployments } from "@/lib/data/deployments/list-deployments";
import { reportDeployment } from "@/lib/data/deployments/report-deployment";
import { toApi } from "@/lib/data/deployments/select";
import { ZListDeploymentsSchema, ZReportDeploymentSchema } from "@/lib/validations/deployments";
import { enforceRateLimit } from "./_lib/rate-limit";

export const GET = apiRoute(async ({ req, principal }) => {
  const filters = parseOr422(ZListDeploymentsSchema, Object.fromEntries(req.nextUrl.searchParams));
  const page = await listDeployments(principal, filters);
  return { data: page.data.map(toApi), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, principal }) => {
  enforceRateLimit(principal);
  const input = parseOr422(ZReportDeploymentSchema, await readJson(req));
  const { deployment, created } = await reportDeployment(principal, input);
  return NextResponse.json({ data: toApi(deployment), created }, { status: created ? 201 : 200 });
});
