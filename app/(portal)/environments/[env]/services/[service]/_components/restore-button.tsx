"use client";

import { useActionState } from "react";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { restoreVersionAction } from "../_actions";

/** One-click restore of an earlier version, guarded by the current version the viewer saw. */
export function RestoreButton(props: { env: string; service: string; layer: ConfigLayer; keyName: string; version: number; currentVersion: number }) {
  const [state, action, pending] = useActionState(restoreVersionAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="env" value={props.env} />
      <input type="hidden" name="service" value={props.service} />
      <input type="hidden" name="layer" value={props.layer} />
      <input type="hidden" name="key" value={props.keyName} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="expectedVersion" value={props.currentVersion} />
      <button disabled={pending} className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800">
        {pending ? "Restoring…" : `Restore v${props.version}`}
      </button>
      <span role="status" className="text-xs">{state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">Restored as v{state.data.version}</span> : state ? <span className="text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}</span>
    </form>
  );
}
