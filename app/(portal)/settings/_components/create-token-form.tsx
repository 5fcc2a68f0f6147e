"use client";
import { useActionState, useState } from "react";
import { createTokenAction } from "../_actions";

const SCOPES: { value: string; label: string }[] = [
  { value: "read", label: "read — GET endpoints" },
  { value: "deployments:write", label: "deployments:write — report deployments" },
  { value: "gates:write", label: "gates:write — report gate results" },
  { value: "promotions:write", label: "promotions:write — request and decide promotions" },
  { value: "config:write", label: "config:write — config snapshots" },
];

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Creates a token; the plaintext is shown here once and never again. */
export function CreateTokenForm({ mayCreateCi }: { mayCreateCi: boolean }) {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const [copied, setCopied] = useState(false);
  const fields = state && !state.ok ? state.error.fields ?? {} : {};
  return (
    <div className="p-5">
      {state?.ok ? (
        <div role="status" className="mb-5 rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950" data-testid="new-token">
          <p className="text-sm font-medium">Token “{state.data.name}” created. Copy it now: it is shown only once and stored only as a hash.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="block flex-1 overflow-x-auto rounded bg-white px-2 py-1.5 font-mono text-xs dark:bg-slate-900" data-testid="new-token-value">{state.data.token}</code>
            <button type="button" className="rounded-md border border-slate-300 px-2 py-1 text-xs dark:border-slate-700" onClick={() => navigator.clipboard?.writeText(state.data.token).then(() => setCopied(true))}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
      {state && !state.ok ? <p role="alert" className="mb-3 text-sm text-rose-700 dark:text-rose-300">{state.error.message}</p> : null}
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm font-medium">
          Name
          <input name="name" required maxLength={100} placeholder="e.g. github-actions deploy" className={field} aria-invalid={Boolean(fields.name)} aria-describedby="name-error" />
          {fields.name ? <span id="name-error" className="text-xs text-rose-700 dark:text-rose-300">{fields.name.join(" ")}</span> : null}
        </label>
        <label className="text-sm font-medium">
          Expires
          <select name="expiresInDays" defaultValue="90" className={field}>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never</option>
          </select>
        </label>
        {mayCreateCi ? (
          <fieldset className="text-sm">
            <legend className="font-medium">Kind</legend>
            <label className="mt-1 flex items-center gap-2"><input type="radio" name="kind" value="user" defaultChecked /> Personal (acts as you, narrowed by its scopes)</label>
            <label className="mt-1 flex items-center gap-2"><input type="radio" name="kind" value="ci" /> CI (no user; sees deploy history everywhere, does only what its scopes allow)</label>
          </fieldset>
        ) : (
          <input type="hidden" name="kind" value="user" />
        )}
        <fieldset className="text-sm" aria-describedby="scopes-error">
          <legend className="font-medium">Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="mt-1 flex items-center gap-2">
              <input type="checkbox" name="scopes" value={s.value} defaultChecked={s.value === "read"} /> <span className="font-mono text-xs">{s.label}</span>
            </label>
          ))}
          {fields.scopes ? <span id="scopes-error" className="text-xs text-rose-700 dark:text-rose-300">{fields.scopes.join(" ")}</span> : null}
        </fieldset>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
            {pending ? "Creating…" : "Create token"}
          </button>
        </div>
      </form>
    </div>
  );
}
