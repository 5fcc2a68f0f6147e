import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { sealAuditChain } from "./seal-audit-chain";

// The portal process seals the audit chain in the background: shortly after each audited
// write (debounced, so a burst of writes is sealed in one batch) and on a periodic sweep
// that catches transactions which committed after their debounced run. Only processes
// that called startAuditSealer() seal in the background; tests, the CLI and the bench
// seal explicitly (verifyAuditChain always seals first).
const g = globalThis as unknown as { __paritySealer?: { enabled: boolean; timer: NodeJS.Timeout | null; running: boolean; again: boolean } };
const state = (g.__paritySealer ??= { enabled: false, timer: null, running: false, again: false });

async function run() {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await sealAuditChain(db());
    } while (state.again);
  } catch (error) {
    log.warn({ error: (error as Error).message }, "audit sealer: run failed; the next sweep retries");
  } finally {
    state.running = false;
  }
}

/** After an audited write: seal soon (no-op unless the background sealer is started). */
export function requestSeal(delayMs = 20) {
  if (!state.enabled || state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void run();
  }, delayMs);
  state.timer.unref?.();
}

/** Starts the background sealer (once per process): a sweep every `everyMs`. */
export function startAuditSealer(everyMs = 1_000) {
  if (state.enabled) return;
  state.enabled = true;
  setInterval(() => void run(), everyMs).unref?.();
  void run();
}
