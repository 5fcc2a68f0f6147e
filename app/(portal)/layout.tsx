import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { mayOpen, ROLE_LABEL } from "@/lib/authz";
import { Nav, type NavItem } from "./_components/nav";
import { ThemeToggle } from "./_components/theme-toggle";
import { SignOutButton } from "./_components/sign-out-button";
import { Providers } from "./_components/providers";
import { countWaitingOn } from "@/lib/data/promotions/count-waiting-on";

export const dynamic = "force-dynamic";

const ITEMS: (NavItem & { page: Parameters<typeof mayOpen>[1] })[] = [
  { href: "/", label: "Overview", page: "overview" },
  { href: "/compare", label: "Compare", page: "compare" },
  { href: "/secrets", label: "Secrets", page: "secrets" },
  { href: "/deployments", label: "Deployments", page: "deployments" },
  { href: "/promotions", label: "Promotions", page: "promotions" },
  { href: "/insights", label: "Insights", page: "insights" },
  { href: "/access", label: "Access", page: "access" },
  { href: "/audit", label: "Audit", page: "audit" },
  { href: "/settings", label: "Settings", page: "settings" },
  { href: "/api-docs", label: "API", page: "overview" },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const waiting = await countWaitingOn(user).catch(() => 0);
  const items = ITEMS.filter((i) => mayOpen(user, i.page)).map(({ href, label }) => ({ href, label, count: href === "/promotions" && waiting > 0 ? waiting : undefined }));
  return (
    <Providers>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <div className="flex min-h-screen flex-col md:flex-row">
        {/* One navigation: a sidebar from md up, a bar above the header below it (rendered once, not twice). */}
        <aside className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-3 py-2 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:flex-col md:flex-nowrap md:items-stretch md:border-b-0 md:border-r md:py-4 dark:border-slate-800 dark:bg-slate-900">
          <Link href="/" className="flex items-center gap-2 px-2 text-lg font-semibold tracking-tight md:mb-6">
            <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-lg bg-indigo-600 text-sm text-white">P</span>
            Parity
          </Link>
          <Nav items={items} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3 dark:border-slate-800 dark:bg-slate-900">
            <div className="ml-auto flex items-center gap-4">
              <div className="text-right text-sm leading-tight">
                <div className="font-medium" data-testid="current-user">{user.name}</div>
                <div className="text-xs text-slate-600 dark:text-slate-400" data-testid="current-roles">
                  {user.roles.map((r) => ROLE_LABEL[r]).join(", ") || "no roles"}
                </div>
              </div>
              <ThemeToggle />
              <SignOutButton />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-6 py-8 focus:outline-none">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
