"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { markIntendedDifference, unmarkIntendedDifference } from "@/lib/data/compare/mark-intended-difference";
import { ZMarkIntendedSchema, ZUnmarkIntendedSchema } from "@/lib/validations/config";

/** A form post, or (from a raw call) a plain object; anything else parses as empty and fails validation. */
const fields = (form: unknown): Record<string, unknown> =>
  form instanceof FormData ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) : form && typeof form === "object" ? (form as Record<string, unknown>) : {};

/** Mark a difference as intended (full access on the target environment; checked in the DAL). */
export async function markIntendedAction(_prev: ActionResult<{ id: string }> | null, form: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const r = await markIntendedDifference(user, ZMarkIntendedSchema.parse(fields(form)));
    revalidatePath("/compare");
    return r;
  });
}

export async function unmarkIntendedAction(_prev: ActionResult<{ removed: number }> | null, form: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const r = await unmarkIntendedDifference(user, ZUnmarkIntendedSchema.parse(fields(form)));
    revalidatePath("/compare");
    return r;
  });
}
