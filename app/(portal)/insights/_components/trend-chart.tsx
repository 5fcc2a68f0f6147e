"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  label: string;
  deployments: number;
  failures: number;
  cfr: number | null;
}

/** Deployments and failures per bucket (bars) with the change failure rate (line, right axis). */
export function TrendChart({ points, title }: { points: ChartPoint[]; title: string }) {
  return (
    <figure className="h-64 w-full rounded has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.5} />
          <YAxis yAxisId="n" allowDecimals={false} tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.5} />
          <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.5} />
          <Tooltip contentStyle={{ fontSize: 12 }} formatter={(v, name) => (name === "Change failure rate" && typeof v === "number" ? `${v.toFixed(0)}%` : v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="n" dataKey="deployments" name="Deployments" fill="#6366f1" radius={[3, 3, 0, 0]} />
          <Bar yAxisId="n" dataKey="failures" name="Failures" fill="#f43f5e" radius={[3, 3, 0, 0]} />
          <Line yAxisId="pct" dataKey="cfr" name="Change failure rate" stroke="#f59e0b" strokeWidth={2} dot={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
