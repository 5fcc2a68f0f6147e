"use client";
import { startTransition, useActionState, useState } from "react";
import { createEndpointAction } from "../_actions";
import { EndpointFields } from "./endpoint-fields";

/** Adds an outgoing webhook; its signing secret is shown here once and never again. */
export function CreateEndpointForm() {
  const [state, action, pending] = useActionState(createEndpointAction, null);
  const [copied, setCopied] = useState(false);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <div className="p-5">
      {state?.ok ? (
        <div role="status" className="mb-5 rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950" data-testid="new-endpoint-secret">
          <p className="text-sm font-medium">
            Endpoint “{state.data.name}” added. Copy its signing secret into the receiver now: it is not shown again (fingerprint {state.data.fingerprint}).
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="block flex-1 overflow-x-auto rounded bg-white px-2 py-1.5 font-mono text-xs dark:bg-slate-900" data-testid="new-endpoint-secret-value">{state.data.secret}</code>
            <button type="button" className="rounded-md border border-slate-300 px-2 py-1 text-xs dark:border-slate-700" onClick={() => navigator.clipboard?.writeText(state.data.secret).then(() => setCopied(true))}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
      <h3 className="mb-3 text-sm font-semibold">Add a webhook</h3>
      {state && !state.ok ? <p role="alert" className="mb-3 text-sm text-rose-700 dark:text-rose-300">{state.error.message}</p> : null}
      {/* Submitted by hand so what was typed survives field errors; a new key clears it after a success. */}
      <form
        key={state?.ok ? state.data.id : "new"}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => action(data));
        }}
        className="grid gap-4 sm:grid-cols-2"
        aria-label="Add a notification webhook"
      >
        <EndpointFields prefix="new" fields={fields} />
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="enabled" defaultChecked /> Enabled
        </label>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
            {pending ? "Adding…" : "Add webhook"}
          </button>
        </div>
      </form>
    </div>
  );
}
