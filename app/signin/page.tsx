import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { devLoginEnabled, env, oidcEnabled } from "@/lib/env";
import { currentUser } from "@/lib/auth/session";
import { listDemoUsers } from "@/lib/data/users/list-demo-users";
import { ROLE_LABEL } from "@/lib/authz";
import { DevSignInButton, OidcSignInButton } from "./_components/sign-in-buttons";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentUser()) redirect("/");
  const { error } = await searchParams;
  const demoUsers = devLoginEnabled ? await listDemoUsers() : [];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <div className="mb-8 flex items-center gap-3">
        <Logo />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Parity</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Environments visible, comparable and safe to promote between.</p>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mb-4 rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {error === "AccessDenied" ? "That account is not a Parity user, or it has been deactivated." : "Sign-in failed. Try again."}
        </p>
      ) : null}
      {oidcEnabled ? <OidcSignInButton name={env.OIDC_NAME} /> : null}
      {devLoginEnabled ? (
        <section aria-labelledby="dev-users" className="mt-6">
          <h2 id="dev-users" className="mb-1 text-sm font-semibold">Development sign-in</h2>
          <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">No password: pick a demo user. This exists only in development builds with AUTH_DEV_LOGIN enabled.</p>
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {demoUsers.map((u) => (
              <li key={u.id}>
                <DevSignInButton email={u.email} name={u.name} roles={u.roles.map((r) => ROLE_LABEL[r.role]).join(", ")} />
              </li>
            ))}
          </ul>
          {demoUsers.length === 0 ? <p className="text-sm">No demo users yet: run <code>npm run portal -- seed</code>.</p> : null}
        </section>
      ) : null}
      {!oidcEnabled && !devLoginEnabled ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          No sign-in method is configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (see .env.example).
        </p>
      ) : null}
    </main>
  );
}

function Logo() {
  return (
    <svg aria-hidden width="40" height="40" viewBox="0 0 40 40" className="shrink-0">
      <rect width="40" height="40" rx="10" className="fill-indigo-600" />
      <path d="M11 14h18M11 20h18M11 26h18" stroke="white" strokeWidth="3" strokeLinecap="round" />
      <circle cx="16" cy="14" r="2.5" fill="white" />
      <circle cx="24" cy="20" r="2.5" fill="white" />
      <circle cx="16" cy="26" r="2.5" fill="white" />
    </svg>
  );
}
