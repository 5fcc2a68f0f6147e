"use client";
import { RowLink } from "@/components/ui/row-link";
import type { Finding } from "@/lib/domain/findings";
import { Badge } from "@/components/ui/badge";
import { KIND_LABEL, SEVERITY_TONE, keyHref } from "./finding-labels";

export function FindingsListView({ findings, more, empty }: { findings: readonly Finding[]; more: number; empty: string }) {
  if (!findings.length) return <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="findings">
      {findings.map((f) => (
        <li key={f.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-5 py-2.5 text-sm" data-testid="finding" data-kind={f.kind}>
          <Badge tone={SEVERITY_TONE[f.severity]} className="w-16 justify-center uppercase">{f.severity}</Badge>
          <div className="min-w-0 flex-1">
            <p>
              <span className="font-medium">{KIND_LABEL[f.kind]}</span>
              <span className="text-slate-600 dark:text-slate-400"> · {f.environment} · {f.service} · </span>
              <RowLink href={keyHref(f.environment, f.service, f.key)} className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">{f.key}</RowLink>
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">{f.message}</p>
          </div>
        </li>
      ))}
      {more > 0 ? <li className="px-5 py-2 text-xs text-slate-600 dark:text-slate-400">…and {more} more</li> : null}
    </ul>
  );
}
