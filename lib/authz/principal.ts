import type { AccessLevel, Role } from "@/generated/prisma/enums";
import { can, maxLevel, type Capability } from "./levels";

/** Who is acting: a signed-in user or an API token, with roles re-read on every request. */
export interface Principal {
  kind: "user" | "token";
  userId: string | null;
  email: string;
  name: string;
  roles: Role[];
  /** environment id → the best level any of the roles gives */
  levels: Map<string, AccessLevel>;
  /** API token scopes; undefined for a browser session */
  scopes?: string[];
  tokenId?: string;
}

export interface Grant {
  role: Role;
  environmentId: string;
  level: AccessLevel;
}

export function levelsFor(roles: readonly Role[], grants: readonly Grant[]): Map<string, AccessLevel> {
  const byEnv = new Map<string, AccessLevel[]>();
  for (const g of grants) {
    if (!roles.includes(g.role)) continue;
    byEnv.set(g.environmentId, [...(byEnv.get(g.environmentId) ?? []), g.level]);
  }
  return new Map([...byEnv].map(([env, levels]) => [env, maxLevel(levels)]));
}

export function levelOf(principal: Principal, environmentId: string): AccessLevel {
  return principal.levels.get(environmentId) ?? "none";
}

export function allows(principal: Principal, environmentId: string, capability: Capability): boolean {
  return can(levelOf(principal, environmentId), capability);
}

/** Environment ids on which the principal has the capability. */
export function environmentIdsWith(principal: Principal, capability: Capability): string[] {
  return [...principal.levels].filter(([, level]) => can(level, capability)).map(([id]) => id);
}

/** A Prisma `where` on Environment: only those the principal may use for `capability`. */
export function environmentWhere(principal: Principal, capability: Capability): { id: { in: string[] } } {
  return { id: { in: environmentIdsWith(principal, capability) } };
}

/** A Prisma `where` on any model with an `environmentId`. */
export function inEnvironmentsWhere(principal: Principal, capability: Capability): { environmentId: { in: string[] } } {
  return { environmentId: { in: environmentIdsWith(principal, capability) } };
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes === undefined || principal.scopes.includes(scope) || principal.scopes.includes("*");
}

/** Everything about a principal that decides what it may see and do, as a cache key. */
export function principalKey(p: Principal): string {
  const levels = [...p.levels].sort(([a], [b]) => (a < b ? -1 : 1)).map(([env, level]) => `${env}:${level}`);
  return [p.kind, p.userId ?? "-", p.tokenId ?? "-", [...p.roles].sort().join(","), levels.join(","), p.scopes?.join(",") ?? "-"].join("|");
}
