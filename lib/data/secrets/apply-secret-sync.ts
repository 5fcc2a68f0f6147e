import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AuditInput } from "@/lib/data/audit/write-audit";
import { writeAuditBatch } from "./write-audit-batch";
import { randomUUID } from "node:crypto";
import type { SyncedSecret, UnmappedSecret } from "@/lib/integrations/aws-secrets/map";
import { AppError } from "@/lib/errors";

const COMPARED = ["environmentId", "type", "tool", "storage", "rotationPolicy", "rotationDays", "lastRotatedAt", "nextRotationAt", "principals", "sourceId", "owner", "tags", "description"] as const;

type Compared = Pick<SyncedSecret, (typeof COMPARED)[number]>;

function comparable(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object" && !Array.isArray(v)) return JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))));
  return JSON.stringify(v ?? null);
}

/** The fields that differ, as before/after snapshots for the audit trail. */
export function diffSecret(before: Compared & { deletedAt?: Date | null }, after: Compared) {
  const changed = COMPARED.filter((k) => comparable(before[k]) !== comparable(after[k]));
  const revived = Boolean(before.deletedAt);
  if (!changed.length && !revived) return null;
  return {
    before: { ...Object.fromEntries(changed.map((k) => [k, before[k]])), ...(revived ? { deletedAt: before.deletedAt } : {}) },
    after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...(revived ? { deletedAt: null } : {}) },
  };
}

export interface ApplyResult {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Applies one complete listing in a single transaction: new secrets are created,
 * changed ones updated, AWS secrets no longer listed get `deletedAt` (never erased),
 * each change audited, and the run closed as succeeded, all or nothing. `complete`
 * must be the whole account: anything the sync owns that is not in it is marked deleted.
 */
export async function applySecretSync(runId: string, listing: { secrets: SyncedSecret[]; unmapped: UnmappedSecret[]; listed: number }, actor: AuditInput["actor"], now: Date = new Date()): Promise<ApplyResult> {
  return db().$transaction(
    async (tx) => {
      const run = await tx.secretSyncRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "applying" } });
      if (run.count === 0) throw new AppError("CONFLICT", "This sync run is no longer running.");
      const result = await applyChanges(tx, listing.secrets, listing.unmapped.map((u) => u.arn), actor, now);
      await tx.secretSyncRun.update({
        where: { id: runId },
        data: { status: "succeeded", finishedAt: new Date(), listed: listing.listed, ...result, unmapped: listing.unmapped as unknown as object },
      });
      return result;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

async function applyChanges(tx: Tx, secrets: SyncedSecret[], unmappedArns: string[], actor: AuditInput["actor"], now: Date): Promise<ApplyResult> {
  const existing = await tx.secret.findMany({
    where: { OR: [{ tool: "aws_secrets_manager", sourceId: { not: null } }, { name: { in: secrets.map((s) => s.name) } }] },
    select: {
      id: true, name: true, deletedAt: true, environmentId: true, type: true, tool: true, storage: true, rotationPolicy: true, rotationDays: true,
      lastRotatedAt: true, nextRotationAt: true, principals: true, sourceId: true, owner: true, tags: true, description: true,
    },
  });
  const byArn = new Map(existing.filter((e) => e.sourceId).map((e) => [e.sourceId!, e]));
  const byName = new Map(existing.map((e) => [e.name, e]));
  const seen = new Set<string>();
  const result: ApplyResult = { added: 0, updated: 0, removed: 0 };
  const events: AuditInput[] = [];
  const audit = (action: string, targetId: string, environmentId: string, before?: unknown, after?: unknown) =>
    events.push({ actor, action, targetType: "secret", targetId, environmentId, before, after });

  const creates: (SyncedSecret & { id: string; origin: string; syncedAt: Date })[] = [];
  for (const s of secrets) {
    const current = byArn.get(s.sourceId) ?? byName.get(s.name);
    if (!current) {
      const id = `aws-${randomUUID()}`;
      creates.push({ ...s, id, origin: "aws", syncedAt: now });
      audit("secret.sync.add", id, s.environmentId, undefined, s);
      continue;
    }
    seen.add(current.id);
    const diff = diffSecret({ ...current, sourceId: current.sourceId ?? "", tool: "aws_secrets_manager", tags: current.tags as Record<string, string> }, s);
    const toolChanged = current.tool !== "aws_secrets_manager";
    if (!diff && !toolChanged && current.name === s.name) continue;
    // A recreated secret (same name, new ARN) takes over the row by name; a renamed one keeps its row by ARN.
    await tx.secret.update({ where: { id: current.id }, data: { ...s, deletedAt: null, syncedAt: now } });
    audit("secret.sync.update", current.id, s.environmentId, { name: current.name, ...diff?.before }, { name: s.name, ...diff?.after });
    result.updated++;
  }
  // One JSON parameter per chunk: far fewer round trips and bind parameters than createMany.
  for (let i = 0; i < creates.length; i += 2_000) {
    const chunk = creates.slice(i, i + 2_000).map((c) => ({ ...c, deletedAt: null, createdAt: now, updatedAt: now }));
    await tx.$executeRaw`insert into "Secret" select * from json_populate_recordset(null::"Secret", ${JSON.stringify(chunk)}::json)`;
  }
  result.added = creates.length;

  const listedArns = secrets.map((s) => s.sourceId);
  for (let i = 0; i < listedArns.length; i += 5_000) await tx.secret.updateMany({ where: { sourceId: { in: listedArns.slice(i, i + 5_000) } }, data: { syncedAt: now } });

  // Still in AWS but mapped to no environment now: reported in the run, left as it was.
  const stillListed = new Set(unmappedArns);
  const listedNames = new Set(secrets.map((s) => s.name));
  const removed: string[] = [];
  for (const gone of existing) {
    if (stillListed.has(gone.sourceId ?? "") || seen.has(gone.id) || gone.deletedAt || gone.tool !== "aws_secrets_manager" || !gone.sourceId) continue;
    if (listedNames.has(gone.name)) continue;
    removed.push(gone.id);
    audit("secret.sync.remove", gone.id, gone.environmentId, { name: gone.name, deletedAt: null }, { name: gone.name, deletedAt: now });
  }
  if (removed.length) await tx.secret.updateMany({ where: { id: { in: removed }, deletedAt: null }, data: { deletedAt: now } });
  result.removed = removed.length;
  await writeAuditBatch(tx, events);
  return result;
}
