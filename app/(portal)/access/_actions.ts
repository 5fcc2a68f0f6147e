"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { changeGrant, previewGrantChange } from "@/lib/data/access/change-grant";
import { setUserActive, setUserRoles } from "@/lib/data/users/manage-users";
import { ZGrantChangeSchema } from "@/lib/validations/access";
import { ZSetRolesSchema } from "@/lib/validations/users";
import { z } from "zod";

export async function previewGrantAction(input: unknown) {
  return runAction(async () => previewGrantChange(await requireUser(), ZGrantChangeSchema.parse(input)));
}

export async function changeGrantAction(input: unknown) {
  return runAction(async () => {
    const effect = await changeGrant(await requireUser(), ZGrantChangeSchema.parse(input));
    revalidatePath("/access");
    return effect;
  });
}

export async function setRolesAction(input: unknown) {
  return runAction(async () => {
    const result = await setUserRoles(await requireUser(), ZSetRolesSchema.parse(input));
    revalidatePath("/access/users");
    return result;
  });
}

const ZActiveSchema = z.object({ userId: z.string().min(1), active: z.boolean() });

export async function setActiveAction(input: unknown) {
  return runAction(async () => {
    const { userId, active } = ZActiveSchema.parse(input);
    await setUserActive(await requireUser(), userId, active);
    revalidatePath("/access/users");
    return null;
  });
}
