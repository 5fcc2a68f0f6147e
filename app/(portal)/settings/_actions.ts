"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { createToken } from "@/lib/data/tokens/create-token";
import { revokeToken } from "@/lib/data/tokens/revoke-token";
import { ZCreateTokenSchema, ZRevokeTokenSchema } from "@/lib/validations/tokens";

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
