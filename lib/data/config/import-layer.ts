import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { hasScope, type Principal } from "@/lib/authz";
import { AppError, notFound } from "@/lib/errors";
import { getEnvironment } from "@/lib/data/environments/get-environment";
import { writeAudit } from "@/lib/data/audit/write-audit";
import { detectFormat, parseImport, type ImportError } from "@/lib/domain/dotenv";
import { SECRET_REFERENCE, type TApplyImport, type TImport } from "@/lib/validations/config";
import { detectSecret } from "@/lib/domain/secret-detection";
import { serviceBySlug, showValue, type ShownValue } from "./config-view";
import { writeConfigChange } from "./write-config-change";

export type ImportChangeKind = "add" | "change" | "remove" | "unchanged";

export interface ImportChange {
  key: string;
  kind: ImportChangeKind;
  before: ShownValue | null;
  after: ShownValue | null;
}

interface Current {
  key: string;
  value: string;
  version: number;
  deleted: boolean;
}

/** A fingerprint of a layer's state: any change to it between preview and apply is a conflict. */
function basisOf(rows: readonly Current[]): string {
  const text = [...rows].sort((a, b) => (a.key < b.key ? -1 : 1)).map((r) => `${r.key}@${r.version}`).join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

async function context(principal: Principal, input: TImport) {
  const env = await getEnvironment(principal, input.env, "manage");
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  return { env, service };
}

function plan(input: TImport, current: readonly Current[]): { errors: ImportError[] } | { changes: ImportChange[]; entries: Map<string, string> } {
  const format = input.format === "auto" ? detectFormat(input.text, input.filename) : input.format;
  const parsed = parseImport(input.text, format);
  if (!parsed.ok) return { errors: parsed.errors };
  if (input.layer === "secret") {
    const bad = parsed.entries.filter((e) => !SECRET_REFERENCE.test(e.value) || detectSecret(e.value));
    if (bad.length) return { errors: bad.map((e) => ({ line: e.line, message: `"${e.key}" must be a secret reference like production/database/password, not a value` })) };
  }
  const entries = new Map(parsed.entries.map((e) => [e.key, e.value]));
  const live = new Map(current.filter((c) => !c.deleted).map((c) => [c.key, c]));
  const show = (v: string) => showValue(input.layer, v, true);
  const changes: ImportChange[] = [];
  for (const [key, value] of entries) {
    const cur = live.get(key);
    changes.push({ key, kind: !cur ? "add" : cur.value === value ? "unchanged" : "change", before: cur ? show(cur.value) : null, after: show(value) });
  }
  if (input.mode === "replace") for (const [key, cur] of live) if (!entries.has(key)) changes.push({ key, kind: "remove", before: show(cur.value), after: null });
  changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { changes, entries };
}

async function currentRows(tx: Tx, serviceId: string, environmentId: string, layer: TImport["layer"]): Promise<Current[]> {
  return tx.configEntry.findMany({ where: { serviceId, environmentId, layer }, select: { key: true, value: true, version: true, deleted: true } });
}

/** What an import would change (needs `manage`). Errors name the line; nothing is written. */
export async function previewImport(principal: Principal, input: TImport) {
  const { env, service } = await context(principal, input);
  const current = await currentRows(db(), service.id, env.id, input.layer);
  const p = plan(input, current);
  if ("errors" in p) return { ok: false as const, errors: p.errors };
  const counts = { add: 0, change: 0, remove: 0, unchanged: 0 };
  for (const c of p.changes) counts[c.kind]++;
  return { ok: true as const, changes: p.changes, counts, basis: basisOf(current) };
}

const LOCK_NAMESPACE = 727_274_100;

/**
 * Applies an import all-or-nothing (needs `manage`): one transaction, the layer locked,
 * its state checked against the preview's basis (else CONFLICT), every change a new
 * version, one audit event listing the keys (never values).
 */
export async function applyImport(principal: Principal, input: TApplyImport) {
  const { env, service } = await context(principal, input);
  return applyToLayer(principal, { env, service, layer: input.layer }, (current) => {
    if (basisOf(current) !== input.basis) throw new AppError("CONFLICT", "This layer changed since the preview. Preview the import again.", { basis: ["Stale preview"] });
    const p = plan(input, current);
    if ("errors" in p) throw new AppError("UNPROCESSABLE", "The file has errors; nothing was imported.", { text: p.errors.map((e) => (e.line ? `Line ${e.line}: ${e.message}` : e.message)) });
    return { ...p, comment: input.comment || `Imported ${input.filename ?? "a file"} (${input.mode})`, audit: { mode: input.mode, filename: input.filename ?? null, basis: input.basis } };
  });
}

/**
 * A CI snapshot of one layer (token scope `config:write`; a person also needs `manage`):
 * the posted pairs become the layer (replace) or are set on it (merge), all-or-nothing.
 * Posting the same snapshot twice changes nothing the second time.
 */
export async function applyConfigSnapshot(principal: Principal, input: { env: string; service: string; layer: TImport["layer"]; entries: Record<string, string>; mode: "merge" | "replace"; comment: string }) {
  if (!hasScope(principal, "config:write")) throw new AppError("FORBIDDEN", 'This token lacks the "config:write" scope.');
  const env = await getEnvironment(principal, input.env, principal.userId ? "manage" : "view_config");
  const service = await serviceBySlug(input.service);
  if (!service) throw notFound(`Service "${input.service}" not found`);
  const text = JSON.stringify(input.entries);
  return applyToLayer(principal, { env, service, layer: input.layer }, (current) => {
    const p = plan({ env: input.env, service: input.service, layer: input.layer, text, format: "json", mode: input.mode, comment: input.comment }, current);
    if ("errors" in p) throw new AppError("UNPROCESSABLE", "The snapshot has invalid entries; nothing was applied.", { entries: p.errors.map((e) => e.message) });
    return { ...p, comment: input.comment || `Snapshot from ${principal.name} (${input.mode})`, audit: { mode: input.mode, source: "api" } };
  });
}

type Planned = { changes: ImportChange[]; entries: Map<string, string>; comment: string; audit: Record<string, unknown> };

async function applyToLayer(principal: Principal, target: { env: { id: string; slug: string }; service: { id: string; slug: string }; layer: TImport["layer"] }, decide: (current: Current[]) => Planned) {
  const { env, service, layer } = target;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`${service.id}|${env.id}|${layer}`}))`;
    const current = await currentRows(tx, service.id, env.id, layer);
    const p = decide(current);
    const byKey = new Map(current.map((c) => [c.key, c]));
    const applied: Record<"add" | "change" | "remove", string[]> = { add: [], change: [], remove: [] };
    for (const c of p.changes) {
      if (c.kind === "unchanged") continue;
      const cur = byKey.get(c.key);
      await writeConfigChange(tx, {
        serviceId: service.id,
        environmentId: env.id,
        layer,
        key: c.key,
        value: c.kind === "remove" ? null : p.entries.get(c.key)!,
        expectedVersion: cur && !cur.deleted ? cur.version : 0,
        comment: p.comment,
        authorId: principal.userId,
      });
      applied[c.kind].push(c.key);
    }
    const result = { added: applied.add.length, changed: applied.change.length, removed: applied.remove.length };
    if (result.added + result.changed + result.removed === 0) return result;
    await writeAudit(tx, {
      actor: principal,
      action: "config.import",
      targetType: "config_layer",
      targetId: `${service.slug}/${env.slug}/${layer}`,
      environmentId: env.id,
      after: { service: service.slug, layer, ...p.audit, added: applied.add, changed: applied.change, removed: applied.remove },
    });
    return result;
  });
}
