"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { markIntendedAction, unmarkIntendedAction } from "../_actions";

type Target = { from: string; to: string; service: string; keyName: string };

function Hidden({ from, to, service, keyName }: Target) {
  return (
    <>
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="key" value={keyName} />
    </>
  );
}

/** "Mark intended" with a reason; for people with full access on the target environment. */
export function MarkIntended(props: Target) {
  const [state, action, pending] = useActionState(markIntendedAction, null);
  const error = state && !state.ok ? (state.error.fields?.reason?.join(" ") ?? state.error.message) : null;
  const id = `reason-${props.service}-${props.keyName}`.replace(/[^A-Za-z0-9_-]/g, "_");
  // The form is rendered once opened: a page shows hundreds of differing rows, and each
  // row's closed form would otherwise cost server time and HTML for nothing.
  // Opened before hydration (a quick click): the toggle event was missed, the DOM knows.
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} className="text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">Mark intended</summary>
      {open ? (
        <form action={action} className="mt-1 flex flex-col gap-1">
          <Hidden {...props} />
          <label htmlFor={id} className="sr-only">Why is this difference intended?</label>
          <input id={id} name="reason" required minLength={3} placeholder="Why is it on purpose?" aria-invalid={error ? true : undefined} className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
          <button disabled={pending} className="self-start rounded-md bg-indigo-600 px-2 py-1 font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">{pending ? "Saving…" : "Mark intended"}</button>
          <span role="status">{error ? <span className="text-rose-700 dark:text-rose-300">{error}</span> : state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">Marked</span> : null}</span>
        </form>
      ) : null}
    </details>
  );
}

export function UnmarkIntended(props: Target) {
  const [state, action, pending] = useActionState(unmarkIntendedAction, null);
  return (
    <form action={action} className="inline">
      <Hidden {...props} />
      <button disabled={pending} className="text-xs text-slate-600 underline hover:text-slate-900 disabled:opacity-50 dark:text-slate-400 dark:hover:text-slate-100">{pending ? "…" : "Unmark"}</button>
      {state && !state.ok ? <span role="status" className="ml-1 text-xs text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}
    </form>
  );
}
