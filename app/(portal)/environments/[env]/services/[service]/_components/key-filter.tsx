import Link from "next/link";

const field = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-900";

/**
 * The key filter (a GET form: the filter lives in the URL and applies to the effective
 * table and the layer's entries); a new filter starts both at their first page.
 */
export function KeyFilter({ action, q, keep, clearHref, count }: { action: string; q?: string; keep: Record<string, string | undefined>; clearHref: string; count: string }) {
  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-3 dark:border-slate-800">
      <form action={action} role="search" aria-label="Key filter" className="flex flex-wrap items-end gap-2">
        {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <div className="w-full sm:w-64">
          <label htmlFor="key-filter" className="text-xs font-medium">Filter keys</label>
          <input id="key-filter" type="search" name="q" defaultValue={q ?? ""} maxLength={200} placeholder="part of a key name" className={field} />
        </div>
        <button className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">Filter</button>
        {q ? <Link href={clearHref} className="pb-1.5 text-sm text-slate-600 hover:underline dark:text-slate-400">Clear</Link> : null}
      </form>
      <p className="ml-auto pb-1.5 text-sm text-slate-600 dark:text-slate-400" data-testid="key-count">{count}</p>
    </div>
  );
}
