"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { saveConfigEntry } from "@/lib/data/config/save-config-entry";
import { restoreConfigVersion } from "@/lib/data/config/restore-config-version";
import { applyImport, previewImport } from "@/lib/data/config/import-layer";
import { ZApplyImportSchema, ZImportSchema, ZRestoreConfigVersionSchema, ZSaveConfigEntrySchema } from "@/lib/validations/config";
import type { ActionResult } from "@/lib/actions";

/** A form post, or (from a raw call) a plain object; anything else parses as empty and fails validation. */
const fields = (form: unknown): Record<string, unknown> =>
  form instanceof FormData ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) : form && typeof form === "object" ? (form as Record<string, unknown>) : {};

function revalidate(env: string, service: string) {
  revalidatePath(`/environments/${env}/services/${service}`);
  revalidatePath(`/environments/${env}`);
  revalidatePath("/compare");
}

/** Set or delete one key in one layer (full access; checked in the DAL). */
export async function saveEntryAction(_prev: ActionResult<{ version: number; key: string }> | null, form: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZSaveConfigEntrySchema.parse({ ...fields(form), delete: fields(form).delete === "1" || fields(form).delete === true });
    const r = await saveConfigEntry(user, input);
    revalidate(input.env, input.service);
    return { version: r.version, key: input.key };
  });
}

export async function restoreVersionAction(_prev: ActionResult<{ version: number }> | null, form: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZRestoreConfigVersionSchema.parse(fields(form));
    const r = await restoreConfigVersion(user, input);
    revalidate(input.env, input.service);
    return r;
  });
}

export async function previewImportAction(input: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return previewImport(user, ZImportSchema.parse(input));
  });
}

export async function applyImportAction(input: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const parsed = ZApplyImportSchema.parse(input);
    const r = await applyImport(user, parsed);
    revalidate(parsed.env, parsed.service);
    return r;
  });
}
