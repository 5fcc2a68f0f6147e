import type { SecretListItem } from "./list-secrets";
import type { SecretDetail } from "./get-secret";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a registry row: metadata and rotation status, never a value. */
export function secretToApi(s: SecretListItem) {
  return {
    id: s.id,
    name: s.name,
    environment: s.environment,
    type: s.type,
    tool: s.tool,
    storage: s.storage,
    rotationPolicy: s.rotationPolicy,
    rotationDays: s.rotationDays,
    lastRotatedAt: iso(s.lastRotatedAt),
    nextRotationAt: iso(s.nextRotationAt),
    owner: s.owner,
    deletedAt: iso(s.deletedAt),
    rotation: { status: s.rotation.status, periodDays: s.rotation.periodDays, dueAt: iso(s.rotation.dueAt), daysLeft: s.rotation.daysLeft },
  };
}

export function secretDetailToApi(s: SecretDetail) {
  return {
    ...secretToApi(s),
    principals: s.principals,
    sourceId: s.sourceId,
    tags: s.tags,
    description: s.description,
    origin: s.origin,
    syncedAt: iso(s.syncedAt),
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    references: s.references.map((r) => ({ service: r.service, environment: r.environment, key: r.key })),
    history: s.history.map((h) => ({ id: h.id, at: h.createdAt.toISOString(), actor: h.actorLabel, action: h.action, before: h.before, after: h.after })),
  };
}
