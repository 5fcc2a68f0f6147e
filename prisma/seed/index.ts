// The demo seed. Idempotent: every row has a stable key and is only created when
// missing, so a second run (or a run after people edited the data) changes nothing.
import type { PrismaClient } from "../../generated/prisma/client";
import { Prisma } from "../../generated/prisma/client";
import { sealAuditChain } from "../../lib/data/audit/seal-audit-chain";
import { ENVIRONMENTS, MATRIX, ORG_TIME_ZONE, POLICIES, SECRET_SPECS, SERVICES, USERS, configFor } from "./world";
import { deploymentHistory, promotionSeeds, prng } from "./history";

const DAY = 86_400_000;

export interface SeedResult {
  created: number;
}

export async function seed(prisma: PrismaClient, options: { now?: Date; log?: (line: string) => void } = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  // Rows have stable ids and are created only when missing, so a later run with a
  // later `now` still changes nothing.
  const now = options.now ?? new Date();
  let created = 0;
  const count = (r: { count: number }) => (created += r.count);

  count(await prisma.orgSetting.createMany({ data: [{ id: 1, name: "Example Corp", timeZone: ORG_TIME_ZONE }], skipDuplicates: true }));

  count(await prisma.environment.createMany({ data: ENVIRONMENTS.map((e) => ({ ...e, githubNames: [...e.githubNames] })), skipDuplicates: true }));
  const envs = await prisma.environment.findMany({ select: { id: true, slug: true, secretPrefix: true } });
  const envBySlug = new Map(envs.map((e) => [e.slug, e]));

  count(
    await prisma.accessGrant.createMany({
      data: Object.entries(MATRIX).flatMap(([slug, row]) =>
        Object.entries(row).map(([role, level]) => ({ role: role as keyof typeof row, level, environmentId: envBySlug.get(slug)!.id })),
      ),
      skipDuplicates: true,
    }),
  );

  for (const u of USERS) {
    const existing = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) continue;
    await prisma.user.create({ data: { email: u.email, name: u.name, roles: { create: u.roles.map((role) => ({ role })) } } });
    created++;
  }
  const users = await prisma.user.findMany({ where: { email: { in: USERS.map((u) => u.email) } }, select: { id: true, email: true } });
  const userByEmail = new Map(users.map((u) => [u.email, u.id]));

  for (const [slug, p] of Object.entries(POLICIES)) {
    count(
      await prisma.policy.createMany({
        data: [{ environmentId: envBySlug.get(slug)!.id, ...p, windowTimeZone: ORG_TIME_ZONE, hotfixAllowed: true, hotfixApprovalsRequired: 1, allowSelfApproval: false, expireAfterHours: 72 }],
        skipDuplicates: true,
      }),
    );
  }

  count(
    await prisma.service.createMany({
      data: SERVICES.map((s) => ({ ...s, repository: `github.com/example-corp/${s.slug}`, description: `${s.name} service, owned by ${s.team}` })),
      skipDuplicates: true,
    }),
  );
  const services = await prisma.service.findMany({ where: { slug: { in: SERVICES.map((s) => s.slug) } }, select: { id: true, slug: true } });
  const serviceBySlug = new Map(services.map((s) => [s.slug, s.id]));
  const serviceIds = SERVICES.map((s) => serviceBySlug.get(s.slug)!);

  // Config: every layer, every service, every environment.
  const platformId = userByEmail.get("platform@example.com")!;
  const configRows = SERVICES.flatMap((s) =>
    ENVIRONMENTS.flatMap((e) =>
      configFor(s.slug, e.slug, e.secretPrefix).map((c) => ({
        id: `seed-cfg-${s.slug}-${e.slug}-${c.layer}-${c.key}`,
        serviceId: serviceBySlug.get(s.slug)!,
        environmentId: envBySlug.get(e.slug)!.id,
        layer: c.layer,
        key: c.key,
        value: c.value,
      })),
    ),
  );
  count(await prisma.configEntry.createMany({ data: configRows, skipDuplicates: true }));
  count(
    await prisma.configVersion.createMany({
      data: configRows.map((c) => ({ id: `${c.id}-v1`, entryId: c.id, version: 1, value: c.value, comment: "Imported by the demo seed", authorId: platformId })),
      skipDuplicates: true,
    }),
  );
  // Scale differs between staging and production by design (the reference: "same
  // structure, different values"): marked intended, so real drift stands out.
  const SCALE_KEYS = ["DB_POOL_MIN", "DB_POOL_MAX", "REDIS_URL", "SENTRY_DSN", "database.pool.min", "database.pool.max", "server.timeout"];
  count(
    await prisma.intendedDifference.createMany({
      data: SERVICES.flatMap((svc) =>
        SCALE_KEYS.map((key) => ({
          id: `seed-intended-${svc.slug}-${key}`,
          serviceId: serviceBySlug.get(svc.slug)!,
          key,
          fromEnvironmentId: envBySlug.get("staging")!.id,
          toEnvironmentId: envBySlug.get("production")!.id,
          reason: "Production runs at a larger scale with its own cache and error project, by design.",
          markedById: platformId,
        })),
      ),
      skipDuplicates: true,
    }),
  );
  count(
    await prisma.intendedDifference.createMany({
      data: [
        {
          id: "seed-intended-orders-export",
          serviceId: serviceBySlug.get("orders")!,
          key: "ORDERS_EXPORT_BUCKET",
          fromEnvironmentId: envBySlug.get("staging")!.id,
          toEnvironmentId: envBySlug.get("production")!.id,
          reason: "Production exports go through the data platform's pipeline, not a bucket.",
          markedById: platformId,
        },
      ],
      skipDuplicates: true,
    }),
  );

  // Secrets: the quick-lookup table per environment. Some overdue, one never rotated.
  const rand = prng(4242);
  const secretRows = ENVIRONMENTS.flatMap((e) =>
    SECRET_SPECS.map((s, i) => {
      const name = `${e.secretPrefix}${s.path}`;
      const overdue = (e.slug === "staging" && s.type === "database_password" && i === 0) || (e.slug === "production" && s.path === "ssh/bastion-key");
      const never = e.slug === "development" && s.path === "kms/app-encryption-key";
      const daysAgo = s.rotationDays ? (overdue ? s.rotationDays + 20 : Math.floor(rand() * s.rotationDays * 0.8)) : 10;
      const last = never ? null : new Date(now.getTime() - daysAgo * DAY);
      // Development's database password is rotated by hand: a finding.
      const rotationPolicy = e.slug === "development" && s.type === "database_password" ? ("manual" as const) : s.rotationPolicy;
      return {
        id: `seed-sec-${name.replace(/\//g, "-")}`,
        environmentId: envBySlug.get(e.slug)!.id,
        name,
        type: s.type,
        tool: s.tool,
        storage: s.storage,
        rotationPolicy,
        rotationDays: s.rotationDays,
        lastRotatedAt: last,
        nextRotationAt: last && s.rotationDays ? new Date(last.getTime() + s.rotationDays * DAY) : null,
        principals: s.principals.map((p) => `arn:aws:iam::123456789012:${p}-${e.slug}`),
        sourceId: s.tool === "aws_secrets_manager" ? `arn:aws:secretsmanager:eu-west-2:123456789012:secret:${name}-${hexId(name)}` : null,
        owner: s.owner,
        tags: { environment: e.slug, team: s.owner },
        description: s.description,
        origin: "seed",
      };
    }),
  );
  count(await prisma.secret.createMany({ data: secretRows, skipDuplicates: true }));

  // Deploy history.
  const history = deploymentHistory(SERVICES.length, now);
  const deployRows = history.map((d) => ({
    id: d.id,
    externalId: d.externalId,
    serviceId: serviceIds[d.serviceIndex],
    environmentId: envBySlug.get(d.envSlug)!.id,
    version: d.version,
    commitSha: d.commitSha,
    status: d.status,
    strategy: d.strategy,
    progress: d.progress,
    startedAt: d.startedAt,
    finishedAt: d.finishedAt,
    triggeredBy: d.triggeredBy,
    triggeredById: userByEmail.get(d.triggeredBy) ?? null,
    changeTicket: d.changeTicket,
    rollbackOfId: d.rollbackOfId,
  }));
  for (let i = 0; i < deployRows.length; i += 1000) {
    count(await prisma.deployment.createMany({ data: deployRows.slice(i, i + 1000), skipDuplicates: true }));
  }

  // Promotions in every state.
  for (const p of promotionSeeds(SERVICES.length)) {
    if (await prisma.promotion.findUnique({ where: { id: p.id }, select: { id: true } })) continue;
    const policy = POLICIES[p.to];
    const createdAt = new Date(now.getTime() - p.ageHours * 3_600_000);
    const gates = p.kind === "hotfix" ? policy.hotfixRequiredGates : policy.requiredGates;
    const requestedById = userByEmail.get(p.requester)!;
    const serviceId = serviceIds[p.serviceIndex];
    const source = await prisma.deployment.findFirst({
      where: { serviceId, environmentId: envBySlug.get(p.from)!.id, status: "succeeded" },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { version: true },
    });
    await prisma.promotion.create({
      data: {
        id: p.id,
        serviceId,
        fromEnvironmentId: envBySlug.get(p.from)!.id,
        toEnvironmentId: envBySlug.get(p.to)!.id,
        version: source?.version ?? "v1.0.0",
        kind: p.kind,
        severity: p.kind === "hotfix" ? "critical" : null,
        reason: p.kind === "hotfix" ? "Checkout fails for cards issued in the EU (INC-482)" : `Release ${source?.version ?? "v1.0.0"} of ${SERVICES[p.serviceIndex].name}`,
        changeTicket: p.to === "production" ? `CHG-${4000 + Number(p.id.replace(/\D/g, "") || 0)}` : null,
        rollbackPlan: p.to === "production" ? "Redeploy the previous version with the same pipeline (5 minutes)." : null,
        state: p.state,
        requestedById,
        flaggedForReview: p.kind === "hotfix",
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 72 * 3_600_000),
        decidedAt: p.decision ? new Date(createdAt.getTime() + 3_600_000) : null,
        gates: {
          create: gates.map((gate, i) => {
            const status = p.gateStatus(gate, i);
            return {
              gate,
              status,
              reporter: status === "pending" ? null : gate.endsWith("signoff") ? "qa@example.com" : "ci@github-actions",
              reportedAt: status === "pending" ? null : new Date(createdAt.getTime() + 20 * 60_000),
              evidenceUrl: status === "pending" ? null : `https://ci.example.com/runs/${p.id}/${gate}`,
            };
          }),
        },
        approvals: p.approver
          ? { create: [{ userId: userByEmail.get(p.approver)!, decision: p.decision!, comment: p.decision === "reject" ? "Error budget exhausted this week; retry after the fix for INC-471." : "Looks good.", createdAt: new Date(createdAt.getTime() + 3_600_000) }] }
          : undefined,
        events: {
          create: [
            { type: "requested", toState: "requested", actorId: requestedById, message: "Promotion requested", createdAt },
            ...(p.state !== "requested" ? [{ type: "transition", fromState: "requested" as const, toState: p.state, actorId: p.approver ? userByEmail.get(p.approver)! : null, message: `Moved to ${p.state.replace(/_/g, " ")}`, createdAt: new Date(createdAt.getTime() + 3_600_000) }] : []),
          ],
        },
      },
    });
    created++;
  }

  if (created > 0) await seedAuditEvent(prisma, platformId, created);
  log(created > 0 ? `seed: created ${created} rows` : "seed: nothing to do (already seeded)");
  return { created };
}

function hexId(s: string): string {
  let h = 0;
  for (const c of s) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h.toString(36).slice(0, 6).padStart(6, "a");
}

async function seedAuditEvent(prisma: PrismaClient, actorId: string, created: number) {
  await prisma.auditEvent.create({
    data: { actorId: null, actorLabel: "seed", action: "seed.applied", targetType: "organisation", targetId: "1", environmentId: null, before: Prisma.DbNull, after: { created, by: actorId } },
    select: { id: true },
  });
  await sealAuditChain(prisma, { wait: true });
}
