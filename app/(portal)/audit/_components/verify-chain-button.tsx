"use client";

import { useState } from "react";

type Result = { ok: boolean; checked: number; firstBroken: { id: string; reason: string } | null };

export function VerifyChainButton() {
  const [state, setState] = useState<"idle" | "busy" | Result | "error">("idle");
  const verify = async () => {
    setState("busy");
    try {
      const res = await fetch("/api/v1/audit/verify");
      setState(res.ok ? ((await res.json()) as Result) : "error");
    } catch {
      setState("error");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={verify} disabled={state === "busy"} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">
        {state === "busy" ? "Verifying…" : "Verify chain"}
      </button>
      <span role="status" className="text-sm" data-testid="chain-status">
        {typeof state === "object"
          ? state.ok
            ? `Intact: ${state.checked} events`
            : `Broken at event #${state.firstBroken?.id} (${state.firstBroken?.reason.replace(/_/g, " ")})`
          : state === "error"
            ? "Could not verify"
            : ""}
      </span>
    </span>
  );
}
