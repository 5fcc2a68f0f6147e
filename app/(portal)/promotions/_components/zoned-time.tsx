"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** An instant in the org's zone (rendered on the server) and, after hydration, in the viewer's own zone. */
export function ZonedTime({ iso, orgZone }: { iso: string; orgZone: string }) {
  const viewerZone = useSyncExternalStore(subscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
  const at = new Date(iso);
  const org = format(at, orgZone);
  return (
    <span>
      <time dateTime={iso}>{org}</time>
      {viewerZone && wallClock(at, viewerZone) !== wallClock(at, orgZone) ? <span className="text-slate-600 dark:text-slate-400"> · your time {format(at, viewerZone)}</span> : null}
    </span>
  );
}

function format(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short" }).format(at);
}

// Two zones with the same clock at this instant (UTC and London in winter) need no second time.
function wallClock(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "short", timeStyle: "short" }).format(at);
}
