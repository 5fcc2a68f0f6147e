import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { mayOpen } from "@/lib/authz";
import { getInsights } from "@/lib/data/insights/get-insights";

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : typeof v === "number" ? String(Math.round(v * 1000) / 1000) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The insights as CSV: one row per environment (service "*") and per environment × service. */
export async function GET(req: NextRequest) {
  const user = await currentUser();
  if (!user || !mayOpen(user, "insights")) return NextResponse.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
  const requested = Number(req.nextUrl.searchParams.get("days"));
  const days = [7, 30, 90, 180].includes(requested) ? requested : 30;
  const { period, environments } = await getInsights(user, { days });
  const header = ["period_from", "period_to", "environment", "service", "deployments", "deploys_per_day", "lead_time_hours_median", "change_failure_rate", "failed", "rolled_back", "time_to_restore_hours_median", "unrestored", "approval_latency_hours_median", "deploys_outside_window", "hotfixes", "monthly_cost_usd", "availability_sla"];
  const lines = [header.join(",")];
  for (const e of environments) {
    const rows = [{ slug: "*", metrics: e.metrics }, ...e.services];
    for (const s of rows) {
      const m = s.metrics;
      const envOnly = s.slug === "*";
      lines.push([period.from.toISOString(), period.to.toISOString(), e.slug, s.slug, m.deployments, m.deploysPerDay, m.leadTimeHours, m.changeFailureRate, m.failed, m.rolledBack, m.timeToRestoreHours, m.unrestored,
        envOnly ? e.approval.medianHours : "", envOnly ? e.window?.outside ?? "" : "", envOnly ? e.window?.hotfixes ?? "" : "", envOnly ? e.monthlyCostUsd : "", envOnly ? e.availabilitySla : ""].map(cell).join(","));
    }
  }
  return new NextResponse(lines.join("\n") + "\n", {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="parity-insights-${days}d.csv"`, "cache-control": "no-store" },
  });
}
