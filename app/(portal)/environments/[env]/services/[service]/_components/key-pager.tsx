import Link from "next/link";

const link = "text-indigo-700 hover:underline dark:text-indigo-300";

/** Where a keyset page of keys is ("Showing 51–100 of 495 keys") and the links to the first and next pages. */
export function KeyPager({ label, noun, start, shown, matched, per, firstHref, nextHref }: { label: string; noun: string; start: number; shown: number; matched: number; per: number; firstHref: string | null; nextHref: string | null }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-5 py-3 text-sm dark:border-slate-800">
      <span className="text-slate-600 dark:text-slate-400" data-testid="page-range">
        {shown ? `Showing ${start + 1}–${start + shown} of ${matched} ${noun}` : `No more ${noun}`}
      </span>
      {firstHref ? <Link href={firstHref} className={`ml-auto ${link}`}>← First page</Link> : null}
      {nextHref ? <Link href={nextHref} className={`${firstHref ? "" : "ml-auto "}${link}`}>Next {per} →</Link> : null}
    </nav>
  );
}
