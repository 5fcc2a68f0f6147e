import type { SyncRunView } from "@/lib/data/secrets/sync-runs";

export interface SyncRunDto {
  id: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  listed: number;
  added: number;
  updated: number;
  removed: number;
  unmappedCount: number;
  unmapped: { name: string; reason: string }[];
  error: string | null;
}

/** Plain data for the client panel; unmapped names are already limited to platform by the DAL. */
export function toSyncRunDto(r: SyncRunView): SyncRunDto {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    listed: r.listed,
    added: r.added,
    updated: r.updated,
    removed: r.removed,
    unmappedCount: r.unmappedCount,
    unmapped: r.unmapped.map((u) => ({ name: u.name, reason: u.reason })),
    error: r.error,
  };
}
