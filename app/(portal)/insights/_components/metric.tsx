import Link from "next/link";

/** One figure with how it is computed (tooltip and visible on focus) and, where allowed, the deployments behind it. */
export function Metric({ label, value, how, href, testId }: { label: string; value: string; how: string; href?: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid={testId}>
      <dt className="flex items-center gap-1 text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {label}
        <span title={how} aria-label={`How it is computed: ${how}`} tabIndex={0} className="inline-flex h-4 w-4 cursor-help items-center justify-center rounded-full bg-slate-200 text-[10px] text-slate-700 dark:bg-slate-700 dark:text-slate-200">?</span>
      </dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">
        {href ? <Link href={href} className="hover:underline">{value}</Link> : value}
      </dd>
    </div>
  );
}
