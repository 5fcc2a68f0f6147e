import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { allows, hasScope, type Principal } from "@/lib/authz";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { loadPolicy } from "@/lib/data/policies/load-policy";
import { enqueuePromotionNotification } from "@/lib/data/notifications/enqueue";
import { OPEN_STATES } from "@/lib/domain/promotion-state";
import { gateSpec } from "@/lib/domain/gates";
import type { TRequestPromotion } from "@/lib/validations/promotions";
import { advance, guardedMove, type PromotionRef } from "./apply-transition";

const invalid = (field: string, message: string) => new AppError("UNPROCESSABLE", message, { [field]: [message] });

/**
 * Requests a promotion of the version that is deployed and healthy (the latest
 * deploy succeeded) in the source environment into the next one. Allowed with
 * `request_promotion` (read + deploy or full) on the target, as the access matrix
 * says: "read + deploy: request promotions into it". Gates come from the target's
 * policy as it is now; one open promotion per service and target.
 */
export async function requestPromotion(principal: Principal, input: TRequestPromotion, now = new Date()) {
  if (!principal.userId) throw new AppError("FORBIDDEN", "Promotions are requested by people; use a user token.");
  if (!hasScope(principal, "promotions:write")) throw new AppError("FORBIDDEN", "This token lacks the promotions:write scope.");
  const [from, to, service] = await Promise.all([
    db().environment.findUnique({ where: { slug: input.from }, select: { id: true, slug: true, name: true, position: true } }),
    db().environment.findUnique({ where: { slug: input.to }, select: { id: true, slug: true, name: true, position: true } }),
    db().service.findUnique({ where: { slug: input.service }, select: { id: true, name: true } }),
  ]);
  // An environment the requester may not see does not exist for them.
  if (!from || !allows(principal, from.id, "view_deployments")) throw invalid("from", `Environment "${input.from}" not found`);
  if (!to || !allows(principal, to.id, "see")) throw invalid("to", `Environment "${input.to}" not found`);
  if (!service) throw invalid("service", `Service "${input.service}" not found`);
  if (to.position !== from.position + 1) throw invalid("to", `${to.name} is not the next environment after ${from.name}`);
  if (!allows(principal, to.id, "request_promotion")) {
    throw new AppError("FORBIDDEN", `You may not request promotions into ${to.name}: that needs read + deploy or full access to ${to.name}.`);
  }

  const source = await db().deployment.findFirst({
    where: { serviceId: service.id, environmentId: from.id },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { version: true, status: true },
  });
  if (!source) throw invalid("service", `${service.name} has never been deployed to ${from.name}`);
  if (source.status !== "succeeded") throw invalid("version", `${service.name}'s latest deploy to ${from.name} (${source.version}) is ${source.status.replace(/_/g, " ")}, not healthy`);
  if (input.version && input.version !== source.version) throw invalid("version", `${from.name} runs ${source.version}, not ${input.version}`);

  const policy = await loadPolicy(db(), to.id, now);
  const hotfix = input.kind === "hotfix";
  if (hotfix && !policy.rules.hotfixAllowed) throw invalid("kind", `${to.name}'s policy does not allow hotfixes`);
  // A hotfix skips the window entirely; the window gate is only for standard promotions.
  const gateKeys = (hotfix ? policy.hotfixRequiredGates : policy.requiredGates).filter((g) => !(hotfix && gateSpec(g).kind === "window"));

  return db().$transaction(async (tx) => {
    // One open promotion per service and target: serialise concurrent requests for the pair.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`promotion:${service.id}:${to.id}`}))`;
    const open = await tx.promotion.findFirst({ where: { serviceId: service.id, toEnvironmentId: to.id, state: { in: [...OPEN_STATES] } }, select: { id: true } });
    if (open) throw new AppError("CONFLICT", `${service.name} already has an open promotion into ${to.name} (${open.id}). Cancel it or let it finish first.`);
    const created = await tx.promotion.create({
      data: {
        serviceId: service.id,
        fromEnvironmentId: from.id,
        toEnvironmentId: to.id,
        version: source.version,
        kind: input.kind,
        severity: input.severity ?? null,
        reason: input.reason,
        changeTicket: input.changeTicket ?? null,
        rollbackPlan: input.rollbackPlan ?? null,
        requestedById: principal.userId!,
        flaggedForReview: hotfix,
        createdAt: now,
        expiresAt: new Date(now.getTime() + policy.expireAfterHours * 3_600_000),
        gates: {
          create: gateKeys.map((gate) =>
            gate === "change_ticket" && input.changeTicket
              ? { gate, status: "passed" as const, reporter: principal.email, reportedAt: now, detail: `Linked ${input.changeTicket} when requested` }
              : { gate },
          ),
        },
        events: { create: { type: "requested", toState: "requested", actorId: principal.userId, message: `${hotfix ? "Hotfix" : "Promotion"} of ${source.version} requested: ${input.reason}`, createdAt: now } },
      },
      select: { id: true, state: true, stateVersion: true, toEnvironmentId: true, kind: true, gates: { select: { gate: true, status: true } } },
    });
    await writeAudit(tx, {
      actor: principal,
      action: "promotion.request",
      targetType: "promotion",
      targetId: created.id,
      environmentId: to.id,
      after: { service: input.service, from: from.slug, to: to.slug, version: source.version, kind: input.kind, severity: input.severity ?? null, changeTicket: input.changeTicket ?? null, gates: gateKeys, policyVersion: policy.version },
    });
    await enqueuePromotionNotification(tx, { event: "promotion.requested", promotionId: created.id, actor: principal, at: now });
    let p: PromotionRef = { id: created.id, state: created.state, stateVersion: created.stateVersion, toEnvironmentId: created.toEnvironmentId, kind: created.kind };
    p = await guardedMove(tx, p, { event: "start_checks", actor: principal, message: gateKeys.length ? `Checking ${gateKeys.length} gate${gateKeys.length === 1 ? "" : "s"}` : "No gates required" });
    p = await advance(tx, p, created.gates, policy.rules, principal);
    return { id: p.id, state: p.state };
  });
}
