import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<string, Tone> = { queued: "neutral", in_progress: "info", succeeded: "good", failed: "bad", rolled_back: "warn" };

export function DeploymentStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{status.replace(/_/g, " ")}</Badge>;
}

/** Rollout progress as a bar with its number, for canary / blue-green / rolling. */
export function RolloutProgress({ progress, status }: { progress: number; status: string }) {
  const color = status === "failed" ? "bg-rose-500" : status === "rolled_back" ? "bg-amber-500" : status === "succeeded" ? "bg-emerald-500" : "bg-indigo-500";
  return (
    <div className="flex items-center gap-2" title={`Rollout ${progress}%`}>
      <div className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100} aria-label="Rollout progress">
        <div className={`h-full ${color}`} style={{ width: `${progress}%` }} />
      </div>
      <span className="tabular-nums text-xs text-slate-600 dark:text-slate-400">{progress}%</span>
    </div>
  );
}
