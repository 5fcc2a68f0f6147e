"use client";
import { startTransition, useActionState, useState } from "react";
import type { EndpointRow as Row } from "@/lib/data/notifications/list-endpoints";
import { EVENT_LABEL, type NotificationEvent } from "@/lib/domain/notifications";
import { Badge } from "@/components/ui/badge";
import { deleteEndpointAction, testEndpointAction, updateEndpointAction } from "../_actions";
import { EndpointFields } from "./endpoint-fields";

const small = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";
const danger = "rounded-md border border-rose-300 px-2 py-1 text-xs text-rose-800 hover:bg-rose-50 disabled:opacity-60 dark:border-rose-800 dark:text-rose-200 dark:hover:bg-rose-950";

function Outcome({ state, success }: { state: { ok: boolean; error?: { message: string } } | null; success: string }) {
  return (
    <span role="status" className="text-xs">
      {state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">{success}</span> : state?.error ? <span className="text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}
    </span>
  );
}

/** One endpoint: what it sends where, and send test / pause / edit / delete (with a confirmation step). */
export function EndpointRow({ endpoint: e }: { endpoint: Row }) {
  const [tested, test, testing] = useActionState(testEndpointAction, null);
  const [toggled, toggle, toggling] = useActionState(updateEndpointAction, null);
  const [edited, edit, editing] = useActionState(updateEndpointAction, null);
  const [deleted, remove, removing] = useActionState(deleteEndpointAction, null);
  const [confirming, setConfirming] = useState(false);
  const editFields = edited && !edited.ok ? (edited.error.fields ?? {}) : {};
  const submit = (run: (f: FormData) => void) => (ev: React.FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    startTransition(() => run(data));
  };
  const same = (enabled: boolean) => (
    <>
      <input type="hidden" name="id" value={e.id} />
      <input type="hidden" name="version" value={e.version} />
      <input type="hidden" name="name" value={e.name} />
      {e.events.map((x) => (
        <input key={x} type="hidden" name="events" value={x} />
      ))}
      {enabled ? <input type="hidden" name="enabled" value="on" /> : null}
    </>
  );
  return (
    <li className="px-5 py-4" data-testid="endpoint-row">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{e.name}</span>
            <Badge tone={e.enabled ? "good" : "neutral"}>{e.enabled ? "enabled" : "paused"}</Badge>
          </div>
          <p className="mt-0.5 font-mono text-xs text-slate-600 dark:text-slate-400">{e.url}</p>
          <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            Secret <span className="font-mono">{e.fingerprint}</span> · {e.events.map((x) => EVENT_LABEL[x as NotificationEvent] ?? x).join(", ")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <form onSubmit={submit(test)}>
            <input type="hidden" name="id" value={e.id} />
            <button type="submit" disabled={testing} className={small} aria-label={`Send a test to ${e.name}`}>
              Send test
            </button>
          </form>
          <form onSubmit={submit(toggle)}>
            {same(!e.enabled)}
            <button type="submit" disabled={toggling} className={small}>
              {e.enabled ? "Pause" : "Enable"}
            </button>
          </form>
          {confirming ? (
            <form onSubmit={submit(remove)} className="flex items-center gap-2">
              <input type="hidden" name="id" value={e.id} />
              <button type="submit" disabled={removing} className={danger}>
                Delete “{e.name}” and its delivery history
              </button>
              <button type="button" className={small} onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </form>
          ) : (
            <button type="button" className={danger} onClick={() => setConfirming(true)} aria-label={`Delete ${e.name}…`}>
              Delete…
            </button>
          )}
        </div>
      </div>
      <div className="mt-1 flex flex-wrap gap-3">
        <Outcome state={tested} success="Test queued: see the deliveries below." />
        <Outcome state={toggled} success="Saved." />
        <Outcome state={deleted} success="Deleted." />
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">Edit</summary>
        <form onSubmit={submit(edit)} className="mt-2 grid gap-3 sm:grid-cols-2" aria-label={`Edit ${e.name}`}>
          <input type="hidden" name="id" value={e.id} />
          <input type="hidden" name="version" value={e.version} />
          <EndpointFields prefix={`edit-${e.id}`} fields={editFields} name={e.name} events={e.events} urlHint={e.url} />
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="enabled" defaultChecked={e.enabled} /> Enabled
          </label>
          <div className="flex items-center gap-3 sm:col-span-2">
            <button type="submit" disabled={editing} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
              Save
            </button>
            <Outcome state={edited} success="Saved." />
          </div>
        </form>
      </details>
    </li>
  );
}
