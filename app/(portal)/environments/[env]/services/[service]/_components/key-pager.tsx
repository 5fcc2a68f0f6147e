import Link from "next/link";

const link = "text-indigo-700 hover:underline dark:text-indigo-300";

/** Page sizes offered beside the pager (the default is CONFIG_PAGE_SIZE; at most CONFIG_PAGE_MAX). */
export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * Where a keyset page of keys is ("Showing 26–50 of 495 keys"), the links to the first and
 * next pages, and the page sizes (each opens the first page at that size).
 */
export function KeyPager({ label, noun, start, shown, matched, per, firstHref, nextHref, sizeHref }: { label: string; noun: string; start: number; shown: number; matched: number; per: number; firstHref: string | null; nextHref: string | null; sizeHref: (per: number) => string }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-5 py-3 text-sm dark:border-slate-800">
      <span className="text-slate-600 dark:text-slate-400" data-testid="page-range">
        {shown ? `Showing ${start + 1}–${start + shown} of ${matched} ${noun}` : `No more ${noun}`}
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="page-sizes">
        Per page:{" "}
        {PAGE_SIZES.map((n) =>
          n === per ? (
            <span key={n} aria-current="true" className="mx-0.5 font-semibold text-slate-900 dark:text-slate-100">{n}</span>
          ) : (
            <a key={n} href={sizeHref(n)} className="mx-0.5 text-indigo-700 underline dark:text-indigo-300" aria-label={`${n} ${noun} per page`}>{n}</a>
          ),
        )}
      </span>
      {firstHref ? <Link href={firstHref} className={`ml-auto ${link}`}>← First page</Link> : null}
      {nextHref ? <Link href={nextHref} className={`${firstHref ? "" : "ml-auto "}${link}`}>Next {per} →</Link> : null}
    </nav>
  );
}
