"use client";

import { useActionState } from "react";
import type { Role } from "@/generated/prisma/enums";
import { ActionForm, FieldError, buttonClass, inputClass } from "../../_components/action-form";
import { addFreezeAction, removeFreezeAction, updatePolicyAction } from "../_actions";

export interface PolicyValues {
  environment: string;
  version: number;
  requiredGates: string[];
  approverRoles: Role[];
  approvalsRequired: number;
  allowSelfApproval: boolean;
  autoApprove: boolean;
  windowDays: number[];
  windowStart: string;
  windowEnd: string;
  windowTimeZone: string;
  hotfixAllowed: boolean;
  hotfixApproverRoles: Role[];
  hotfixApprovalsRequired: number;
  hotfixRequiredGates: string[];
  expireAfterHours: number;
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney", "UTC"];

function Checks({ name, options, checked, legend, fields }: { name: string; options: { value: string; label: string }[]; checked: readonly (string | number)[]; legend: string; fields: Record<string, string[]> }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.map(String).includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} fields={fields} />
    </fieldset>
  );
}

export function PolicyForm({ values, gates, roles }: { values: PolicyValues; gates: { value: string; label: string }[]; roles: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(updatePolicyAction, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const version = state?.ok ? state.data.version : values.version;
  const num = (name: keyof PolicyValues, label: string, min: number, max: number) => (
    <label className="block text-sm font-medium">
      {label}
      <input type="number" name={name} min={min} max={max} defaultValue={Number(values[name])} aria-invalid={fields[name] ? true : undefined} className={inputClass} />
      <FieldError name={name} fields={fields} />
    </label>
  );
  return (
    <form action={action} className="space-y-5 p-5" aria-label={`Policy for ${values.environment}`}>
      <input type="hidden" name="environment" value={values.environment} />
      <input type="hidden" name="version" value={version} />
      <Checks name="requiredGates" legend="Required gates" options={gates} checked={values.requiredGates} fields={fields} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <Checks name="approverRoles" legend="Approver roles" options={roles} checked={values.approverRoles} fields={fields} />
        </div>
        {num("approvalsRequired", "Distinct approvals required", 0, 10)}
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" name="autoApprove" defaultChecked={values.autoApprove} /> Approve automatically once gates are green
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" name="allowSelfApproval" defaultChecked={values.allowSelfApproval} /> Requester may approve their own
        </label>
      </div>
      <Checks name="windowDays" legend="Deploy window days (none = every day)" options={DAYS.map((d, i) => ({ value: String(i + 1), label: d }))} checked={values.windowDays} fields={fields} />
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="block text-sm font-medium">
          Opens (HH:MM)
          <input name="windowStart" defaultValue={values.windowStart} pattern="\d{2}:\d{2}" aria-invalid={fields.windowStart ? true : undefined} className={inputClass} />
          <FieldError name="windowStart" fields={fields} />
        </label>
        <label className="block text-sm font-medium">
          Closes (HH:MM, 24:00 = midnight)
          <input name="windowEnd" defaultValue={values.windowEnd} pattern="\d{2}:\d{2}" aria-invalid={fields.windowEnd ? true : undefined} className={inputClass} />
          <FieldError name="windowEnd" fields={fields} />
        </label>
        <label className="block text-sm font-medium">
          Time zone (IANA)
          <input name="windowTimeZone" defaultValue={values.windowTimeZone} list="policy-zones" aria-invalid={fields.windowTimeZone ? true : undefined} className={inputClass} />
          <FieldError name="windowTimeZone" fields={fields} />
        </label>
        <datalist id="policy-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">Hotfix lane</legend>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" name="hotfixAllowed" defaultChecked={values.hotfixAllowed} /> Hotfixes allowed (critical severity, skip the window, flagged for review)
        </label>
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <Checks name="hotfixApproverRoles" legend="Hotfix approver roles" options={roles} checked={values.hotfixApproverRoles} fields={fields} />
          </div>
          {num("hotfixApprovalsRequired", "Hotfix approvals", 1, 5)}
        </div>
        <Checks name="hotfixRequiredGates" legend="Hotfix gates" options={gates.filter((g) => g.value !== "window")} checked={values.hotfixRequiredGates} fields={fields} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">{num("expireAfterHours", "Expire unanswered requests after (hours)", 1, 1440)}</div>
      <div className="flex items-center gap-3">
        <button disabled={pending} className={buttonClass()}>
          {pending ? "Saving…" : "Save policy"}
        </button>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">Saved (version {state.data.version}); applies to the next request.</span> : state ? <span className="text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}
        </span>
      </div>
    </form>
  );
}

export function AddFreezeForm({ environment, zone }: { environment: string; zone: string }) {
  return (
    <ActionForm action={addFreezeAction} hidden={{ environment, zone }} label={`Add a freeze to ${environment}`} success="Freeze added." buttons={[{ label: "Add freeze", tone: "plain" }]}>
      {(fields) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm font-medium">
            Starts ({zone})
            <input type="datetime-local" name="startsAt" required aria-invalid={fields.startsAt ? true : undefined} className={inputClass} />
            <FieldError name="startsAt" fields={fields} />
          </label>
          <label className="block text-sm font-medium">
            Ends ({zone})
            <input type="datetime-local" name="endsAt" required aria-invalid={fields.endsAt ? true : undefined} className={inputClass} />
            <FieldError name="endsAt" fields={fields} />
          </label>
          <label className="block text-sm font-medium">
            Reason
            <input name="reason" required minLength={3} maxLength={500} aria-invalid={fields.reason ? true : undefined} className={inputClass} />
            <FieldError name="reason" fields={fields} />
          </label>
        </div>
      )}
    </ActionForm>
  );
}

export function RemoveFreezeButton({ id, reason }: { id: string; reason: string }) {
  return <ActionForm action={removeFreezeAction} hidden={{ id }} label={`Remove freeze ${reason}`} success="Removed." buttons={[{ label: "Remove", tone: "plain" }]} className="inline-block" />;
}
