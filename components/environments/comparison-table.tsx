"use client";
// A client component: rendered from the environments' data rather than as server elements.
import Link from "next/link";
import type { EnvironmentSummary } from "@/lib/data/environments/list-environments";
import { LEVEL_LABEL } from "@/lib/authz/levels";
import { Badge } from "@/components/ui/badge";

const ROWS: { key: keyof EnvironmentSummary; label: string; format?: (v: never) => string }[] = [
  { key: "purpose", label: "Purpose" },
  { key: "scale", label: "Scale" },
  { key: "dataPolicy", label: "Data" },
  { key: "securityPosture", label: "Security" },
  { key: "secretsPolicy", label: "Secrets" },
  { key: "monitoring", label: "Monitoring" },
  { key: "deploymentPolicy", label: "Deployment" },
  { key: "monthlyCostUsd", label: "Cost", format: (v: number) => `$${v.toLocaleString("en-US")}/mo` },
  { key: "availabilitySla", label: "Availability", format: (v: number) => (v > 0 ? `SLA ${v}%` : "Can go down anytime") },
  { key: "vpcCidr", label: "Network (VPC)" },
];

/** The reference's environment comparison table, live from the database. */
export function ComparisonTable({ environments }: { environments: readonly EnvironmentSummary[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm" data-testid="environment-comparison">
        <caption className="sr-only">Environment comparison</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="w-40 px-5 py-3 font-medium text-slate-600 dark:text-slate-400">Aspect</th>
            {environments.map((e) => (
              <th key={e.slug} scope="col" className="px-5 py-3">
                <Link href={`/environments/${e.slug}`} className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300" data-testid="env-column">
                  {e.name}
                </Link>
                <div className="mt-1">
                  <Badge tone={e.level === "full" ? "info" : "neutral"}>your access: {LEVEL_LABEL[e.level]}</Badge>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
              <th scope="row" className="px-5 py-2.5 font-medium text-slate-600 dark:text-slate-400">{row.label}</th>
              {environments.map((e) => (
                <td key={e.slug} className="px-5 py-2.5">
                  {row.format ? row.format(e[row.key] as never) : String(e[row.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
