"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export function DevSignInButton({ email, name, roles }: { email: string; name: string; roles: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signIn("dev", { email, callbackUrl: "/" });
      }}
      className="flex w-full items-center justify-between gap-4 px-4 py-3 text-left hover:bg-slate-50 focus-visible:-outline-offset-2 disabled:opacity-60 dark:hover:bg-slate-800"
      aria-label={`Sign in as ${name} (${email})`}
    >
      <span>
        <span className="block text-sm font-medium">{name}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">{email}</span>
      </span>
      <span className="text-xs text-slate-700 dark:text-slate-300">{busy ? "Signing in…" : roles}</span>
    </button>
  );
}

export function OidcSignInButton({ name }: { name: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn("oidc", { callbackUrl: "/" })}
      className="w-full rounded-lg bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500"
    >
      Continue with {name}
    </button>
  );
}
