import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/data/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await checkDatabase();
  return NextResponse.json(ok ? { status: "ok" } : { status: "unavailable", error: { code: "UNAVAILABLE", message: "The database is not answering." } }, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
