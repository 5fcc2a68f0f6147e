"use client";

import { startTransition, useActionState, useState } from "react";
import { requestPromotionAction } from "../_actions";
import { FieldError, buttonClass, inputClass } from "./action-form";

interface Options {
  steps: { value: string; from: string; to: string; label: string }[];
  services: { slug: string; name: string; versions: Record<string, { version: string; healthy: boolean }> }[];
}

export function RequestForm({ options, initial }: { options: Options; initial: { service: string; step: string } }) {
  const [state, action, pending] = useActionState(requestPromotionAction, null);
  const [service, setService] = useState(initial.service);
  const [step, setStep] = useState(initial.step);
  const [kind, setKind] = useState<"standard" | "hotfix">("standard");
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const chosen = options.steps.find((s) => s.value === step) ?? options.steps[0];
  const source = options.services.find((s) => s.slug === service)?.versions[chosen.from];

  const invalid = (name: string) => ({ "aria-invalid": fields[name] ? true : undefined, "aria-describedby": fields[name] ? `${name}-error` : undefined });
  return (
    <form
      className="space-y-4"
      aria-label="Request a promotion"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="from" value={chosen.from} />
      <input type="hidden" name="to" value={chosen.to} />
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Service
          <select name="service" value={service} onChange={(e) => setService(e.target.value)} required className={inputClass} {...invalid("service")}>
            <option value="">Choose…</option>
            {options.services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError name="service" fields={fields} />
        </label>
        <label className="block text-sm font-medium">
          Path
          <select value={step} onChange={(e) => setStep(e.target.value)} className={inputClass} {...invalid("to")}>
            {options.steps.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <FieldError name="to" fields={fields} />
          <FieldError name="from" fields={fields} />
        </label>
      </div>
      <p className="text-sm" data-testid="source-version">
        {service ? (source ? <>Version: <strong>{source.version}</strong> {source.healthy ? "(deployed and healthy)" : <span className="text-rose-700 dark:text-rose-300">(latest deploy not healthy: cannot be promoted)</span>}</> : "Not deployed in the source environment.") : "Choose a service to see the version that will be promoted."}
      </p>
      <FieldError name="version" fields={fields} />
      <fieldset>
        <legend className="text-sm font-medium">Kind</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["standard", "hotfix"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "standard" ? "Standard" : "Hotfix (critical, skips the window, needs an eng leader)"}
            </label>
          ))}
        </div>
        <FieldError name="kind" fields={fields} />
      </fieldset>
      {kind === "hotfix" ? (
        <label className="block text-sm font-medium">
          Severity
          <select name="severity" defaultValue="critical" className={inputClass} {...invalid("severity")}>
            <option value="critical">critical</option>
            <option value="high">high</option>
          </select>
          <FieldError name="severity" fields={fields} />
        </label>
      ) : null}
      <label className="block text-sm font-medium">
        Reason
        <textarea name="reason" rows={3} required maxLength={2000} className={inputClass} {...invalid("reason")} />
        <FieldError name="reason" fields={fields} />
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          Change ticket
          <input name="changeTicket" maxLength={64} placeholder="CHG-1234" className={inputClass} {...invalid("changeTicket")} />
          <FieldError name="changeTicket" fields={fields} />
        </label>
      </div>
      <label className="block text-sm font-medium">
        Rollback plan
        <textarea name="rollbackPlan" rows={2} maxLength={2000} className={inputClass} {...invalid("rollbackPlan")} />
        <FieldError name="rollbackPlan" fields={fields} />
      </label>
      <div className="flex items-center gap-3">
        <button disabled={pending} className={buttonClass()}>
          {pending ? "Requesting…" : "Request promotion"}
        </button>
        <span role="status" className="text-sm text-rose-700 dark:text-rose-300">
          {state && !state.ok ? state.error.message : null}
        </span>
      </div>
    </form>
  );
}
