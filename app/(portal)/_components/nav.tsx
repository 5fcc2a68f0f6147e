"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavItem {
  href: string;
  label: string;
  /** A badge: e.g. promotions waiting on this person. */
  count?: number;
}

export function Nav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap md:gap-0.5">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active(item.href) ? "page" : undefined}
              className={cn(
                "block rounded-lg px-3 py-1.5 text-sm font-medium md:py-2",
                active(item.href)
                  ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-200"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              <span className="flex items-center justify-between gap-2">
                <span className="flex items-center gap-2">
                  {item.label}
                  <Pending />
                </span>
                {item.count ? (
                  <span className="rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white" aria-label={`${item.count} waiting on you`}>
                    {item.count}
                  </span>
                ) : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** While a click on this link waits for its page: a small pulse, announced to screen readers. */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" data-testid="nav-pending" className="inline-block h-1.5 w-1.5 animate-pulse rounded-full bg-indigo-500">
      <span className="sr-only">Loading…</span>
    </span>
  ) : null;
}
