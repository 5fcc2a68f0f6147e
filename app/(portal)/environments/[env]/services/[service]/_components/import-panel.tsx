"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { applyImportAction, previewImportAction } from "../_actions";

type Preview = Awaited<ReturnType<typeof previewImportAction>>;
type PreviewOk = Extract<Extract<Preview, { ok: true }>["data"], { ok: true }>;

const input = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-900";
const KIND_STYLE = {
  add: "text-emerald-700 dark:text-emerald-300",
  change: "text-amber-700 dark:text-amber-300",
  remove: "text-rose-700 dark:text-rose-300",
  unchanged: "text-slate-500 dark:text-slate-400",
} as const;

/** Paste or upload a .env / JSON / YAML file into one layer: preview first, then apply all-or-nothing. */
export function ImportPanel({ env, service, layers, initialLayer = "env" }: { env: string; service: string; layers: readonly ConfigLayer[]; initialLayer?: ConfigLayer }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [filename, setFilename] = useState<string | undefined>();
  const [layer, setLayer] = useState<ConfigLayer>(initialLayer);
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [format, setFormat] = useState<"auto" | "env" | "json" | "yaml">("auto");
  const [comment, setComment] = useState("");
  const [preview, setPreview] = useState<PreviewOk | null>(null);
  const [errors, setErrors] = useState<{ line: number | null; message: string }[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const body = () => ({ env, service, layer, text, format, filename, mode, comment });
  const reset = () => {
    setPreview(null);
    setErrors([]);
    setMessage(null);
  };

  async function onFile(file: File | undefined) {
    reset();
    if (!file) return;
    if (file.size > 1_000_000) {
      setErrors([{ line: null, message: `${file.name} is ${file.size.toLocaleString("en-US")} bytes; the limit is 1 MB.` }]);
      return;
    }
    setFilename(file.name);
    setText(await file.text());
  }

  function doPreview() {
    reset();
    start(async () => {
      const r = await previewImportAction(body());
      if (!r.ok) setMessage({ ok: false, text: Object.values(r.error.fields ?? {}).flat().join(" ") || r.error.message });
      else if (!r.data.ok) setErrors(r.data.errors);
      else setPreview(r.data);
    });
  }

  function doApply() {
    if (!preview) return;
    start(async () => {
      const r = await applyImportAction({ ...body(), basis: preview.basis });
      setPreview(null);
      if (!r.ok) setMessage({ ok: false, text: [r.error.message, ...Object.values(r.error.fields ?? {}).flat()].join(" ") });
      else {
        setMessage({ ok: true, text: `Imported: ${r.data.added} added, ${r.data.changed} changed, ${r.data.removed} removed.` });
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-3 p-5" data-testid="import-panel">
      <div className="grid gap-3 sm:grid-cols-4">
        <label className="text-xs font-medium">
          Into layer
          <select value={layer} onChange={(e) => (setLayer(e.target.value as ConfigLayer), reset())} className={input}>
            {layers.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium">
          Mode
          <select value={mode} onChange={(e) => (setMode(e.target.value as "merge" | "replace"), reset())} className={input}>
            <option value="merge">merge: set these keys</option>
            <option value="replace">replace: also remove keys not in the file</option>
          </select>
        </label>
        <label className="text-xs font-medium">
          Format
          <select value={format} onChange={(e) => (setFormat(e.target.value as typeof format), reset())} className={input}>
            <option value="auto">detect</option>
            <option value="env">.env</option>
            <option value="json">JSON</option>
            <option value="yaml">YAML</option>
          </select>
        </label>
        <label className="text-xs font-medium">
          Upload a file
          <input type="file" accept=".env,.json,.yaml,.yml,.txt,text/plain,application/json" onChange={(e) => onFile(e.target.files?.[0])} className="mt-1 block w-full text-xs file:mr-2 file:rounded-md file:border-0 file:bg-slate-100 file:px-2 file:py-1 dark:file:bg-slate-800" />
        </label>
      </div>
      <label className="block text-xs font-medium">
        …or paste it
        <textarea value={text} onChange={(e) => (setText(e.target.value), setFilename(undefined), reset())} rows={6} className={`${input} font-mono`} placeholder={"LOG_LEVEL=info\nFEATURE_X=true"} />
      </label>
      <label className="block text-xs font-medium">
        Comment
        <input value={comment} onChange={(e) => setComment(e.target.value)} className={input} placeholder="Why (kept on every new version)" />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={doPreview} disabled={pending || !text.trim()} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800">
          {pending && !preview ? "Checking…" : "Preview changes"}
        </button>
        {preview ? (
          <button type="button" onClick={doApply} disabled={pending || preview.counts.add + preview.counts.change + preview.counts.remove === 0} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">
            {pending ? "Applying…" : `Apply ${preview.counts.add + preview.counts.change + preview.counts.remove} changes`}
          </button>
        ) : null}
        <span role="status" className="text-sm">{message ? <span className={message.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}>{message.text}</span> : null}</span>
      </div>
      {errors.length ? (
        <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">
          <p className="font-medium">Nothing was imported: the file has {errors.length} error{errors.length > 1 ? "s" : ""}.</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.slice(0, 50).map((e, i) => <li key={i}>{e.line ? `Line ${e.line}: ` : ""}{e.message}</li>)}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <div data-testid="import-preview">
          <p className="text-sm">
            Preview: <span className={KIND_STYLE.add}>{preview.counts.add} added</span>, <span className={KIND_STYLE.change}>{preview.counts.change} changed</span>, <span className={KIND_STYLE.remove}>{preview.counts.remove} removed</span>, {preview.counts.unchanged} unchanged. Nothing is written until you apply.
          </p>
          <div className="mt-2 max-h-80 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <table className="w-full text-left text-xs">
              <thead className="sticky top-0 bg-slate-50 dark:bg-slate-900"><tr><th className="px-2 py-1">Change</th><th className="px-2 py-1">Key</th><th className="px-2 py-1">Before</th><th className="px-2 py-1">After</th></tr></thead>
              <tbody className="divide-y divide-slate-100 font-mono dark:divide-slate-800">
                {preview.changes.map((c) => (
                  <tr key={c.key}>
                    <td className={`px-2 py-1 font-sans ${KIND_STYLE[c.kind]}`}>{c.kind}</td>
                    <td className="px-2 py-1">{c.key}</td>
                    <td className="break-all px-2 py-1">{c.before?.value ?? "—"}</td>
                    <td className="break-all px-2 py-1">{c.after?.value ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
