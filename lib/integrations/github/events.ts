// The parts of GitHub's deployment webhooks Parity uses, validated; and how GitHub's
// deployment states map onto Parity's statuses. Pure: no I/O.
// https://docs.github.com/en/webhooks/webhook-events-and-payloads#deployment
import { z } from "zod";
import { isStorableDate } from "@/lib/domain/storable";
import type { DeploymentStatus, DeploymentStrategy } from "@/generated/prisma/enums";

/** A timestamp Parity can store (GitHub sends ISO 8601). */
const ZTimestamp = z.string().refine((v) => isStorableDate(new Date(v)), "An ISO 8601 date-time");

const ZRepository = z.object({ name: z.string(), full_name: z.string() });

const ZGithubDeployment = z.object({
  id: z.number().int(),
  sha: z.string().regex(/^[0-9a-f]{7,64}$/i),
  ref: z.string(),
  environment: z.string().min(1),
  created_at: ZTimestamp,
  creator: z.object({ login: z.string() }).nullable().optional(),
  description: z.string().nullable().optional(),
  // Free-form JSON a workflow may attach: Parity reads service, version, strategy, change_ticket.
  payload: z.union([z.record(z.string(), z.unknown()), z.string()]).nullable().optional(),
});
export type GithubDeployment = z.infer<typeof ZGithubDeployment>;

const ZDeploymentEvent = z.object({ action: z.string(), deployment: ZGithubDeployment, repository: ZRepository });
const ZDeploymentStatusEvent = z.object({
  action: z.string(),
  deployment_status: z.object({ id: z.number().int(), state: z.string(), created_at: ZTimestamp, description: z.string().nullable().optional() }),
  deployment: ZGithubDeployment,
  repository: ZRepository,
});

export type GithubEvent =
  | { kind: "ping" }
  | { kind: "deployment"; deployment: GithubDeployment; repository: z.infer<typeof ZRepository> }
  | { kind: "deployment_status"; state: string; at: Date; deployment: GithubDeployment; repository: z.infer<typeof ZRepository> }
  | { kind: "ignore"; reason: string }
  | { kind: "invalid"; reason: string };

export function parseGithubEvent(event: string, payload: unknown): GithubEvent {
  if (event === "ping") return { kind: "ping" };
  if (event === "deployment") {
    const p = ZDeploymentEvent.safeParse(payload);
    if (!p.success) return { kind: "invalid", reason: describe(p.error) };
    if (p.data.action !== "created") return { kind: "ignore", reason: `deployment.${p.data.action} is not used` };
    return { kind: "deployment", deployment: p.data.deployment, repository: p.data.repository };
  }
  if (event === "deployment_status") {
    const p = ZDeploymentStatusEvent.safeParse(payload);
    if (!p.success) return { kind: "invalid", reason: describe(p.error) };
    if (p.data.action !== "created") return { kind: "ignore", reason: `deployment_status.${p.data.action} is not used` };
    return { kind: "deployment_status", state: p.data.deployment_status.state, at: new Date(p.data.deployment_status.created_at), deployment: p.data.deployment, repository: p.data.repository };
  }
  return { kind: "ignore", reason: `"${event}" events are not used` };
}

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** GitHub's deployment states → Parity statuses; null means "not a status change" (inactive = superseded). */
export function mapGithubState(state: string): DeploymentStatus | null {
  switch (state) {
    case "queued":
    case "pending":
      return "queued";
    case "in_progress":
      return "in_progress";
    case "success":
      return "succeeded";
    case "failure":
    case "error":
      return "failed";
    default:
      return null;
  }
}

/** What Parity reads from a deployment's free-form payload. */
export function deploymentHints(d: GithubDeployment): { service?: string; version?: string; strategy?: DeploymentStrategy; changeTicket?: string } {
  let p: unknown = d.payload;
  if (typeof p === "string") {
    try {
      p = JSON.parse(p);
    } catch {
      p = {};
    }
  }
  const o = (p && typeof p === "object" ? p : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 100) : undefined);
  const strategy = str(o.strategy)?.replace("-", "_");
  return {
    service: str(o.service)?.toLowerCase(),
    version: str(o.version),
    strategy: strategy === "canary" || strategy === "blue_green" || strategy === "rolling" ? strategy : undefined,
    changeTicket: str(o.change_ticket ?? o.changeTicket),
  };
}

export const externalIdFor = (d: GithubDeployment) => `github:${d.id}`;

// Headers worth keeping for troubleshooting; the signature is recorded only as present/absent.
const KEEP = ["x-github-event", "x-github-delivery", "x-github-hook-id", "x-github-hook-installation-target-type", "x-github-hook-installation-target-id", "user-agent", "content-type", "content-length"];

export function safeHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEEP) {
    const v = headers.get(k);
    if (v) out[k] = v.slice(0, 200);
  }
  out["x-hub-signature-256"] = headers.get("x-hub-signature-256") ? "(present, not stored)" : "(missing)";
  return out;
}
