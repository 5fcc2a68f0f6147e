"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions";
import { cn } from "@/components/ui/cn";
import { buttonClass, type ButtonTone } from "./button-class";

export { buttonClass };

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900";

/**
 * A small form around a server action: hidden fields, optional inputs, submit
 * buttons (each may set a `name=value`), and the outcome in a live region.
 */
export function ActionForm({
  action,
  hidden,
  children,
  buttons,
  success,
  label,
  className,
  after,
}: {
  action: Action;
  hidden: Record<string, string>;
  children?: (fields: Record<string, string[]>) => React.ReactNode;
  buttons: { label: string; tone?: ButtonTone; name?: string; value?: string }[];
  success: string;
  label: string;
  className?: string;
  /** Shown after the submit buttons (e.g. a way back out of a confirmation). */
  after?: React.ReactNode;
}) {
  const [state, run, pending] = useActionState(action, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <form
      aria-label={label}
      className={cn("space-y-2", className)}
      // Submitting by hand (not `action=`) keeps what was typed when the server answers with field errors.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => run(data));
      }}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children?.(fields)}
      <div className="flex flex-wrap items-center gap-2">
        {buttons.map((b) => (
          <button key={b.label} name={b.name} value={b.value} disabled={pending} className={buttonClass(b.tone)}>
            {b.label}
          </button>
        ))}
        {after}
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">{success}</span> : state ? <span className="text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}
        </span>
      </div>
    </form>
  );
}

export function FieldError({ name, fields }: { name: string; fields: Record<string, string[]> }) {
  return fields[name] ? (
    <span id={`${name}-error`} className="mt-0.5 block text-xs text-rose-700 dark:text-rose-300">
      {fields[name].join(" ")}
    </span>
  ) : null;
}
