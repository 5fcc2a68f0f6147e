import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasRole, type Principal } from "@/lib/authz";
import { writeAudit, type AuditInput } from "@/lib/data/audit/write-audit";
import type { TCreateUser, TSetRoles } from "@/lib/validations/users";

type Actor = AuditInput["actor"];

/** Operators (the CLI) and platform users may manage people. */
function assertMayManage(actor: Principal | "operator") {
  if (actor !== "operator" && !hasRole(actor, "platform")) throw new AppError("NOT_FOUND", "Not found");
}

const auditActor = (actor: Principal | "operator"): Actor => (actor === "operator" ? { userId: null, email: "operator (cli)" } : actor);

export async function createUser(actor: Principal | "operator", input: TCreateUser) {
  assertMayManage(actor);
  return db().$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (exists) throw new AppError("CONFLICT", `A user with email ${input.email} already exists.`, { email: ["Already in use"] });
    const user = await tx.user.create({ data: { email: input.email, name: input.name, roles: { create: input.roles.map((role) => ({ role })) } }, select: { id: true, email: true } });
    await writeAudit(tx, { actor: auditActor(actor), action: "user.create", targetType: "user", targetId: user.id, after: { email: input.email, name: input.name, roles: input.roles } });
    return user;
  });
}

/**
 * Replaces a user's roles. Takes effect on their very next request (roles are re-read
 * every request). Safeguard: the last active platform user cannot lose the role.
 */
export async function setUserRoles(actor: Principal | "operator", input: TSetRoles) {
  assertMayManage(actor);
  return db().$transaction(async (tx) => {
    // Serialise role changes so two concurrent edits cannot both remove "the other" last platform user.
    await tx.$executeRaw`select pg_advisory_xact_lock(727274003)`;
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, active: true, roles: { select: { role: true } } } });
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    const before = user.roles.map((r) => r.role).sort();
    const after = [...new Set(input.roles)].sort() as Role[];
    if (before.includes("platform") && !after.includes("platform")) {
      const others = await tx.userRole.count({ where: { role: "platform", userId: { not: user.id }, user: { active: true } } });
      if (others === 0) throw new AppError("CONFLICT", "This is the last platform user: give someone else the platform role first.", { roles: ["The last platform user keeps the platform role"] });
    }
    await tx.userRole.deleteMany({ where: { userId: user.id, role: { notIn: after } } });
    await tx.userRole.createMany({ data: after.map((role) => ({ userId: user.id, role })), skipDuplicates: true });
    await writeAudit(tx, { actor: auditActor(actor), action: "user.roles.set", targetType: "user", targetId: user.id, before: { email: user.email, roles: before }, after: { email: user.email, roles: after, reason: input.reason ?? null } });
    return { before, after };
  });
}

/** Deactivating stops the user's sessions and tokens at once (both are re-checked per request). */
export async function setUserActive(actor: Principal | "operator", userId: string, active: boolean) {
  assertMayManage(actor);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(727274003)`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, active: true, roles: { select: { role: true } } } });
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    if (!active && user.roles.some((r) => r.role === "platform")) {
      const others = await tx.userRole.count({ where: { role: "platform", userId: { not: user.id }, user: { active: true } } });
      if (others === 0) throw new AppError("CONFLICT", "This is the last active platform user and cannot be deactivated.");
    }
    if (actor !== "operator" && actor.userId === userId && !active) throw new AppError("CONFLICT", "You cannot deactivate yourself.");
    await tx.user.update({ where: { id: userId }, data: { active } });
    await writeAudit(tx, { actor: auditActor(actor), action: active ? "user.activate" : "user.deactivate", targetType: "user", targetId: userId, before: { active: user.active }, after: { active } });
  });
}

export async function findUserIdByEmail(email: string): Promise<string> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No user with email ${email}`);
  return user.id;
}
