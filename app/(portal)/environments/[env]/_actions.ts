"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { updateEnvironment } from "@/lib/data/environments/update-environment";
import { ZUpdateEnvironmentSchema } from "@/lib/validations/environment";

export async function updateEnvironmentAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZUpdateEnvironmentSchema.parse(Object.fromEntries(form));
    const result = await updateEnvironment(user, input);
    revalidatePath(`/environments/${input.slug}`);
    revalidatePath("/");
    return result;
  });
}
