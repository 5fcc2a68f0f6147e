"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { createToken } from "@/lib/data/tokens/create-token";
import { revokeToken } from "@/lib/data/tokens/revoke-token";
import { ZCreateTokenSchema, ZRevokeTokenSchema } from "@/lib/validations/tokens";
import { createNotificationEndpoint } from "@/lib/data/notifications/create-endpoint";
import { updateNotificationEndpoint } from "@/lib/data/notifications/update-endpoint";
import { deleteNotificationEndpoint } from "@/lib/data/notifications/delete-endpoint";
import { sendTestNotification } from "@/lib/data/notifications/send-test";
import { ZEndpointIdSchema, ZNotificationEndpointSchema, ZUpdateNotificationEndpointSchema } from "@/lib/validations/notifications";

export async function createTokenAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZCreateTokenSchema.parse({ name: form.get("name"), kind: form.get("kind") ?? "user", scopes: form.getAll("scopes"), expiresInDays: form.get("expiresInDays") });
    const created = await createToken({
      actor: user,
      name: input.name,
      kind: input.kind,
      scopes: input.scopes,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : undefined,
    });
    revalidatePath("/settings");
    return { id: created.id, token: created.token, name: created.name };
  });
}

export async function revokeTokenAction(form: FormData) {
  const result = await runAction(async () => {
    const user = await requireUser();
    const { id } = ZRevokeTokenSchema.parse({ id: form.get("id") });
    return revokeToken(user, id);
  });
  revalidatePath("/settings");
  return result;
}

function endpointForm(form: FormData) {
  return { name: form.get("name") ?? "", url: form.get("url") ?? "", events: form.getAll("events"), enabled: form.get("enabled") ?? undefined };
}

export async function createEndpointAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZNotificationEndpointSchema.parse({ ...endpointForm(form), enabled: form.get("enabled") === "on" });
    const created = await createNotificationEndpoint(user, input);
    revalidatePath("/settings");
    return created;
  });
}

export async function updateEndpointAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZUpdateNotificationEndpointSchema.parse({ ...endpointForm(form), id: form.get("id"), version: form.get("version") });
    const updated = await updateNotificationEndpoint(user, input);
    revalidatePath("/settings");
    return updated;
  });
}

export async function deleteEndpointAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZEndpointIdSchema.parse({ id: form.get("id") });
    const deleted = await deleteNotificationEndpoint(user, id);
    revalidatePath("/settings");
    return deleted;
  });
}

export async function testEndpointAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZEndpointIdSchema.parse({ id: form.get("id") });
    const queued = await sendTestNotification(user, id);
    revalidatePath("/settings");
    return queued;
  });
}
