import { cn } from "./cn";

/** A grey placeholder bar while a section loads. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800", className)} />;
}

/**
 * A card-shaped placeholder for a section that is still loading (a Suspense fallback).
 * Announced once as "Loading <label>…" to screen readers; the bars themselves are hidden.
 */
export function CardSkeleton({ label, rows = 4, className }: { label: string; rows?: number; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={cn("rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900", className)} data-testid="skeleton">
      <span className="sr-only">Loading {label}…</span>
      <div className="border-b border-slate-200 px-5 py-4 dark:border-slate-800">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="mt-2 h-3 w-64 max-w-full" />
      </div>
      <div className="space-y-3 p-5">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className={cn("h-3", i % 3 === 2 ? "w-2/3" : "w-full")} />
        ))}
      </div>
    </div>
  );
}
