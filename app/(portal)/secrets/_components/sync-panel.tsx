"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { startSyncAction, syncStatusAction } from "../_actions";
import type { SyncRunDto } from "./sync-run-dto";

const STATUS_TEXT: Record<string, string> = { running: "Running", applying: "Applying changes", succeeded: "Succeeded", failed: "Failed" };
const SYNC_RUN = ["secret-sync-run"] as const;

function when(iso: string) {
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}

const isActive = (run: SyncRunDto | null | undefined) => run?.status === "running" || run?.status === "applying";

async function fetchRun(): Promise<SyncRunDto | null> {
  const res = await syncStatusAction();
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

/**
 * The latest sync run: from the page, then polled every second (TanStack Query; paused
 * while the tab is hidden) while one runs. When it ends, the page refreshes so the
 * registry below shows what it changed.
 */
export function SyncPanel({ initial, canSync, intervalMinutes }: { initial: SyncRunDto | null; canSync: boolean; intervalMinutes: number }) {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: SYNC_RUN,
    queryFn: fetchRun,
    initialData: initial,
    refetchInterval: (query) => (isActive(query.state.data) ? 1_000 : false),
  });
  const run = data ?? null;
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const active = isActive(run);

  // A run that was active and is no longer: show the registry it changed.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);

  const syncNow = () =>
    startTransition(async () => {
      setError(null);
      const res = await startSyncAction();
      if (!res.ok) return setError(res.error.message);
      await queryClient.refetchQueries({ queryKey: SYNC_RUN });
    });

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4" data-testid="sync-panel">
      <div className="text-sm" role="status" aria-live="polite">
        {run ? (
          <>
            <p>
              <span className="font-medium">Last sync from AWS Secrets Manager:</span>{" "}
              <span data-testid="sync-status" className={run.status === "failed" ? "text-rose-700 dark:text-rose-300" : run.status === "succeeded" ? "text-emerald-700 dark:text-emerald-300" : "text-amber-700 dark:text-amber-300"}>
                {STATUS_TEXT[run.status] ?? run.status}
              </span>{" "}
              · started {when(run.startedAt)} ({run.trigger})
            </p>
            <p className="mt-0.5 text-slate-600 dark:text-slate-400">
              {active
                ? `${run.listed} secrets listed so far…`
                : `${run.listed} listed · ${run.added} added · ${run.updated} updated · ${run.removed} marked deleted · ${run.unmappedCount} unmapped`}
            </p>
            {run.error ? <p className="mt-0.5 text-rose-700 dark:text-rose-300">{run.error}</p> : null}
            {run.unmapped.length ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Unmapped secrets ({run.unmapped.length})</summary>
                <ul className="mt-1 max-h-40 overflow-auto font-mono text-xs">
                  {run.unmapped.map((u) => (
                    <li key={u.name}>
                      {u.name} <span className="font-sans text-slate-500 dark:text-slate-400">— {u.reason}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">No sync from AWS Secrets Manager has run yet.</p>
        )}
        <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{intervalMinutes > 0 ? `Scheduled every ${intervalMinutes} minutes.` : "No schedule (SECRETS_SYNC_INTERVAL_MINUTES is 0)."}</p>
        {error ? <p className="mt-1 text-rose-700 dark:text-rose-300" role="alert">{error}</p> : null}
      </div>
      {canSync ? (
        <button type="button" onClick={syncNow} disabled={pending || active} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">
          {active ? "Syncing…" : pending ? "Starting…" : "Sync now"}
        </button>
      ) : null}
    </div>
  );
}
