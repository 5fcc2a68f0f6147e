import Link from "next/link";

/** What an error boundary shows: what happened, a retry, and a way home. No error details (they may hold data). */
export function ErrorPanel({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-rose-300 bg-white px-6 py-10 text-center shadow-sm dark:border-rose-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        This page could not be loaded. Nothing was changed. Try again; if it keeps failing, tell the platform team
        {digest ? <> and quote <code className="font-mono text-xs">{digest}</code></> : null}.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={onRetry} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">
          Try again
        </button>
        <Link href="/" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
