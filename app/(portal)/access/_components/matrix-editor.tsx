"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { AccessLevel, Role } from "@/generated/prisma/enums";
import { changeGrantAction, previewGrantAction } from "../_actions";
import type { GrantEffect } from "@/lib/data/access/change-grant";

interface Props {
  editable: boolean;
  roles: { role: Role; label: string; people: number }[];
  environments: { slug: string; name: string; isProduction: boolean; levels: Record<Role, AccessLevel> }[];
  levels: { value: AccessLevel; label: string }[];
}

interface Pending {
  role: Role;
  environmentSlug: string;
  level: AccessLevel;
  effect?: GrantEffect;
  error?: string;
  fields?: Record<string, string[]>;
}

const LEVEL_TONE: Record<AccessLevel, string> = {
  none: "text-slate-500 dark:text-slate-400",
  dashboards: "text-sky-700 dark:text-sky-300",
  read_logs: "text-sky-700 dark:text-sky-300",
  read: "text-indigo-700 dark:text-indigo-300",
  read_deploy: "text-violet-700 dark:text-violet-300",
  full: "text-emerald-700 dark:text-emerald-300 font-semibold",
};

export function MatrixEditor({ editable, roles, environments, levels }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [busy, startTransition] = useTransition();
  const review = useRef<HTMLDivElement>(null);
  const label = (l: AccessLevel) => levels.find((x) => x.value === l)?.label ?? l;
  const isPending = (role: Role, slug: string) => pending?.role === role && pending.environmentSlug === slug;
  const cellSelect = (p: Pending) => document.querySelector<HTMLSelectElement>(`[data-testid="cell-${p.environmentSlug}-${p.role}"] select`);

  function cancel() {
    const select = pending ? cellSelect(pending) : null;
    setPending(null);
    router.refresh();
    select?.focus();
  }

  function propose(role: Role, environmentSlug: string, level: AccessLevel) {
    setReason("");
    setPending({ role, environmentSlug, level });
    startTransition(async () => {
      const result = await previewGrantAction({ role, environmentSlug, level });
      setPending(result.ok ? { role, environmentSlug, level, effect: result.data } : { role, environmentSlug, level, error: result.error.message });
    });
  }

  function apply() {
    if (!pending) return;
    startTransition(async () => {
      const result = await changeGrantAction({ role: pending.role, environmentSlug: pending.environmentSlug, level: pending.level, reason: reason || undefined });
      if (result.ok) {
        setPending(null);
        router.refresh();
      } else setPending({ ...pending, error: result.error.message, fields: result.error.fields });
    });
  }

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-sm" data-testid="access-matrix">
          <thead>
            <tr className="border-b border-slate-200 text-left dark:border-slate-800">
              <th scope="col" className="px-5 py-3 font-medium">Environment</th>
              {roles.map((r) => (
                <th key={r.role} scope="col" className="px-3 py-3 font-medium">
                  {r.label}
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{r.people} {r.people === 1 ? "person" : "people"}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {environments.map((env) => (
              <tr key={env.slug} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
                <th scope="row" className="px-5 py-3 text-left font-medium">{env.name}</th>
                {roles.map((r) => (
                  <td key={r.role} className="px-3 py-2" data-testid={`cell-${env.slug}-${r.role}`}>
                    {editable ? (
                      <select
                        aria-label={`${r.label} on ${env.name}`}
                        // Shows the level under review, so arrow keys step through the levels one preview at a time.
                        value={isPending(r.role, env.slug) ? pending!.level : env.levels[r.role]}
                        onChange={(e) => propose(r.role, env.slug, e.target.value as AccessLevel)}
                        onKeyDown={(e) => {
                          // Tab from the changed cell goes to the review of the change, not to the next cell.
                          if (e.key === "Tab" && !e.shiftKey && isPending(r.role, env.slug) && review.current) {
                            e.preventDefault();
                            review.current.querySelector<HTMLElement>("textarea, button:not(:disabled)")?.focus();
                          }
                          if (e.key === "Escape" && isPending(r.role, env.slug)) cancel();
                        }}
                        className={`w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900 ${LEVEL_TONE[env.levels[r.role]]}`}
                      >
                        {levels.map((l) => (
                          <option key={l.value} value={l.value}>{l.label}</option>
                        ))}
                      </select>
                    ) : (
                      <span className={LEVEL_TONE[env.levels[r.role]]}>{label(env.levels[r.role])}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {pending ? (
        <div
          ref={review}
          role="dialog"
          aria-modal="false"
          aria-labelledby="grant-review"
          onKeyDown={(e) => {
            if (e.key === "Escape") cancel();
          }}
          className="m-5 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/60">
          <h3 id="grant-review" className="font-semibold">
            Change {roles.find((r) => r.role === pending.role)?.label} on {environments.find((e) => e.slug === pending.environmentSlug)?.name} to {label(pending.level)}?
          </h3>
          {pending.effect ? (
            <>
              <p className="mt-1 text-sm" data-testid="grant-effect">{pending.effect.summary}</p>
              {pending.effect.people.length ? (
                <ul className="mt-2 max-h-40 overflow-auto text-sm">
                  {pending.effect.people.map((p) => (
                    <li key={p.email}>
                      {p.name} <span className="text-slate-600 dark:text-slate-400">({p.email})</span>: {label(p.before)} → {label(p.after)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {pending.effect.environment.isProduction ? (
                <label className="mt-3 block text-sm font-medium">
                  Reason (required for production)
                  <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-normal dark:border-slate-700 dark:bg-slate-900" />
                </label>
              ) : null}
            </>
          ) : !pending.error ? (
            <p className="mt-1 text-sm">Working out the effect…</p>
          ) : null}
          {pending.error ? (
            <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
              {pending.error} {pending.fields ? Object.values(pending.fields).flat().join(" ") : ""}
            </p>
          ) : null}
          <div className="mt-3 flex gap-2">
            <button type="button" onClick={apply} disabled={busy || !pending.effect} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">
              Apply change
            </button>
            <button type="button" onClick={cancel} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
