import "server-only";
import type { Principal } from "@/lib/authz";
import { changeGate } from "./report-gate";

/** Waives a gate with a reason (full access to the target, not the requester, never the window). */
export async function waiveGate(principal: Principal, id: string, gate: string, reason: string) {
  return changeGate(principal, id, gate, { kind: "waive", reason });
}
