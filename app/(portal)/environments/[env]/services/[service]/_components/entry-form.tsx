"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { useHydrated } from "@/components/ui/use-hydrated";
import { saveEntryAction } from "../_actions";

const input = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900";

/**
 * Set a key in a layer (new key: version 0) or edit / delete an existing one. The
 * version the editor saw goes with the save: a stale one comes back as a conflict.
 * `autoFocus`: opened by an Edit link, so keyboard users land in the value field. Focused
 * after hydration too: the Edit link is a full page load to `#edit`, and a browser skips
 * the `autofocus` attribute when the URL targets an element.
 * Read only until hydrated: hydration resets a textarea to its server-rendered value, so
 * what someone typed before it would be lost and the old value saved as a new version.
 */
export function EntryForm({ env, service, layer, entry, layers, autoFocus }: { env: string; service: string; layer: ConfigLayer; entry?: { key: string; value: string; version: number }; layers?: readonly ConfigLayer[]; autoFocus?: boolean }) {
  const [state, action, pending] = useActionState(saveEntryAction, null);
  const valueRef = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();
  useEffect(() => {
    if (autoFocus) valueRef.current?.focus();
  }, [autoFocus]);
  const errors = state && !state.ok ? (state.error.fields ?? {}) : {};
  const id = `${layer}-${entry?.key ?? "new"}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const field = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });
  const err = (name: string) => (errors[name] ? <span id={`${id}-${name}-error`} className="mt-0.5 block text-xs text-rose-700 dark:text-rose-300">{errors[name].join(" ")}</span> : null);
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" aria-label={entry ? `Edit ${entry.key} in the ${layer} layer` : "Set a key"}>
      <input type="hidden" name="env" value={env} />
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="expectedVersion" value={entry?.version ?? 0} />
      {entry ? <input type="hidden" name="key" value={entry.key} /> : null}
      {entry ? <input type="hidden" name="layer" value={layer} /> : null}
      {!entry ? (
        <>
          <label className="text-xs font-medium">
            Layer
            <select name="layer" defaultValue={layer} className={input} {...field("layer")}>
              {(layers ?? [layer]).map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
            {err("layer")}
          </label>
          <label className="text-xs font-medium">
            Key
            <input name="key" required className={`${input} font-mono`} placeholder="FEATURE_X or server.timeout" {...field("key")} />
            {err("key")}
          </label>
        </>
      ) : null}
      <label className="text-xs font-medium sm:col-span-2">
        {entry ? `New value for ${entry.key}` : "Value"}
        <textarea ref={valueRef} name="value" rows={entry && entry.value.length > 60 ? 3 : 1} defaultValue={entry?.value ?? ""} readOnly={!hydrated} autoFocus={autoFocus} className={`${input} font-mono`} {...field("value")} />
        {err("value")}
      </label>
      <label className="text-xs font-medium sm:col-span-2">
        Comment (why)
        <input name="comment" className={input} placeholder="e.g. Enable for the launch (CHG-123)" {...field("comment")} />
        {err("comment")}
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <button disabled={pending || !hydrated} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">{pending ? "Saving…" : "Save"}</button>
        {entry ? (
          <button name="delete" value="1" disabled={pending || !hydrated} className="rounded-lg border border-rose-300 px-3 py-1.5 text-sm text-rose-700 hover:bg-rose-50 disabled:opacity-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950">
            Delete from layer
          </button>
        ) : null}
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-700 dark:text-emerald-300">Saved {state.data.key} as version {state.data.version}.</span> : state ? <span className="text-rose-700 dark:text-rose-300">{state.error.message}</span> : null}
        </span>
      </div>
    </form>
  );
}
