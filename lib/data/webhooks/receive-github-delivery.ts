import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { insertDeployment } from "@/lib/data/deployments/insert-deployment";
import { applyStatus } from "@/lib/data/deployments/apply-status";
import { deploymentHints, externalIdFor, mapGithubState, parseGithubEvent, type GithubDeployment } from "@/lib/integrations/github/events";

export interface Delivery {
  deliveryId: string;
  event: string;
  headers: Record<string, string>;
  payload: unknown;
}

export interface DeliveryResult {
  status: 200 | 202 | 400 | 500;
  outcome: string;
  detail?: string;
  deploymentId?: string | null;
}

const ACTOR = { userId: null, email: "github-webhook" };

/**
 * Processes one signed GitHub delivery exactly once. The delivery row is inserted first
 * (ON CONFLICT DO NOTHING on its unique deliveryId) in the same transaction as its effect,
 * so a redelivery, even one racing the original, finds the row and changes nothing.
 * A delivery that failed with an error may be redelivered to retry.
 */
export async function receiveGithubDelivery(d: Delivery): Promise<DeliveryResult> {
  const parsed = parseGithubEvent(d.event, d.payload);
  const action = typeof (d.payload as { action?: unknown })?.action === "string" ? (d.payload as { action: string }).action : null;
  try {
    return await db().$transaction(async (tx) => {
      await tx.webhookDelivery.deleteMany({ where: { deliveryId: d.deliveryId, outcome: "error" } });
      const { count } = await tx.webhookDelivery.createMany({
        data: [{ deliveryId: d.deliveryId, event: d.event, action, headers: d.headers, outcome: "processing", statusCode: 0 }],
        skipDuplicates: true,
      });
      if (count === 0) return { status: 200, outcome: "duplicate", detail: "Already received: a redelivery changes nothing." } satisfies DeliveryResult;
      const result = await handle(tx, parsed);
      await tx.webhookDelivery.update({
        where: { deliveryId: d.deliveryId },
        data: { outcome: result.outcome, statusCode: result.status, error: result.detail ?? null, deploymentId: result.deploymentId ?? null },
      });
      return result;
    });
  } catch (error) {
    log.error({ err: error, deliveryId: d.deliveryId }, "github webhook failed");
    const detail = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
    await db().webhookDelivery
      .upsert({
        where: { deliveryId: d.deliveryId },
        create: { deliveryId: d.deliveryId, event: d.event, action, headers: d.headers, outcome: "error", statusCode: 500, error: detail },
        update: {},
      })
      .catch(() => {});
    return { status: 500, outcome: "error", detail: "Processing failed; redeliver to retry." };
  }
}

/** A delivery that failed signature verification: kept for troubleshooting under a fresh id, so it cannot pre-empt the real one. */
export async function recordRejectedDelivery(d: Omit<Delivery, "payload">, outcome: string, statusCode: number, detail: string): Promise<void> {
  await db()
    .webhookDelivery.create({ data: { deliveryId: `rejected:${crypto.randomUUID()}`, event: d.event || "(none)", headers: d.headers, outcome, statusCode, error: detail } })
    .catch((err) => log.warn({ err }, "could not record a rejected webhook delivery"));
}

async function handle(tx: Tx, e: ReturnType<typeof parseGithubEvent>): Promise<DeliveryResult> {
  switch (e.kind) {
    case "ping":
      return { status: 200, outcome: "pong" };
    case "ignore":
      return { status: 202, outcome: "ignored", detail: e.reason };
    case "invalid":
      return { status: 400, outcome: "invalid_payload", detail: e.reason };
    case "deployment": {
      const ensured = await ensureDeployment(tx, e.deployment, e.repository);
      return ensured.ok ? { status: 200, outcome: ensured.created ? "deployment_created" : "deployment_exists", deploymentId: ensured.deploymentId } : ensured.result;
    }
    case "deployment_status": {
      const status = mapGithubState(e.state);
      if (!status) return { status: 202, outcome: "ignored", detail: `GitHub state "${e.state}" is not a status change` };
      const ensured = await ensureDeployment(tx, e.deployment, e.repository);
      if (!ensured.ok) return ensured.result;
      try {
        const r = await applyStatus(tx, ACTOR, ensured.deploymentId, { status, finishedAt: e.at });
        return { status: 200, outcome: `status_${r.outcome}`, detail: r.reason, deploymentId: ensured.deploymentId };
      } catch (error) {
        if (error instanceof AppError && error.code === "CONFLICT") return { status: 200, outcome: "status_invalid", detail: error.message, deploymentId: ensured.deploymentId };
        throw error;
      }
    }
  }
}

async function ensureDeployment(tx: Tx, gh: GithubDeployment, repo: { name: string; full_name: string }): Promise<{ ok: true; deploymentId: string; created: boolean } | { ok: false; result: DeliveryResult }> {
  const hints = deploymentHints(gh);
  const envName = gh.environment.trim().toLowerCase();
  const env = await tx.environment.findFirst({ where: { OR: [{ slug: envName }, { githubNames: { has: envName } }] }, select: { id: true } });
  if (!env) return { ok: false, result: { status: 202, outcome: "unmapped_environment", detail: `No environment maps the GitHub environment "${gh.environment}" (Environment.githubNames).` } };
  const full = repo.full_name;
  const service = await tx.service.findFirst({
    where: hints.service
      ? { slug: hints.service }
      : { OR: [{ repository: { in: [`github.com/${full}`, `https://github.com/${full}`], mode: "insensitive" } }, { slug: repo.name.toLowerCase() }] },
    select: { id: true },
  });
  if (!service) return { ok: false, result: { status: 202, outcome: "unmapped_service", detail: `No service has the repository github.com/${full}${hints.service ? ` or the slug "${hints.service}"` : ""}.` } };
  const { deployment, created } = await insertDeployment(tx, ACTOR, {
    externalId: externalIdFor(gh),
    serviceId: service.id,
    environmentId: env.id,
    version: hints.version ?? gh.ref,
    commitSha: gh.sha.toLowerCase(),
    status: "queued",
    strategy: hints.strategy ?? "rolling",
    startedAt: new Date(gh.created_at),
    triggeredBy: gh.creator?.login ? `${gh.creator.login} (GitHub)` : "GitHub",
    changeTicket: hints.changeTicket ?? null,
  });
  return { ok: true, deploymentId: deployment.id, created };
}
