"use client";

import { useActionState, useState } from "react";
import { updateEnvironmentAction } from "../_actions";

const FIELDS = [
  ["purpose", "Purpose"],
  ["scale", "Scale"],
  ["dataPolicy", "Data"],
  ["securityPosture", "Security"],
  ["secretsPolicy", "Secrets"],
  ["monitoring", "Monitoring"],
  ["deploymentPolicy", "Deployment"],
  ["monthlyCostUsd", "Monthly cost (USD)"],
  ["availabilitySla", "Availability target (%)"],
  ["vpcCidr", "Network (VPC CIDR)"],
] as const;

type Values = Record<(typeof FIELDS)[number][0], string | number> & { slug: string; version: number };

export function EditEnvironment({ values }: { values: Values }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(updateEnvironmentAction, null);
  const fields = state && !state.ok ? state.error.fields ?? {} : {};
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Edit details
      </button>
    );
  }
  return (
    <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="Edit environment details">
      <input type="hidden" name="slug" value={values.slug} />
      <input type="hidden" name="version" value={state?.ok ? state.data.version : values.version} />
      {FIELDS.map(([name, label]) => (
        <label key={name} className="text-xs font-medium">
          {label}
          <input
            name={name}
            defaultValue={String(values[name])}
            aria-invalid={fields[name] ? true : undefined}
            aria-describedby={fields[name] ? `${name}-error` : undefined}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900"
          />
          {fields[name] ? <span id={`${name}-error`} className="mt-0.5 block text-rose-700 dark:text-rose-300">{fields[name].join(" ")}</span> : null}
        </label>
      ))}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button disabled={pending} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">{pending ? "Saving…" : "Save"}</button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Close</button>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">Saved. Audited as version {state.data.version}.</span> : state ? <span className="text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}
        </span>
      </div>
    </form>
  );
}
