"use server";

import { revalidatePath } from "next/cache";
import { TZDate } from "@date-fns/tz";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { updatePolicy } from "@/lib/data/policies/update-policy";
import { addFreeze } from "@/lib/data/policies/add-freeze";
import { removeFreeze } from "@/lib/data/policies/remove-freeze";
import { isValidTimeZone } from "@/lib/domain/deploy-window";
import { ZAddFreezeSchema, ZRemoveFreezeSchema, ZUpdatePolicySchema } from "@/lib/validations/policies";

const on = (f: FormData, name: string) => f.get(name) === "on";

export async function updatePolicyAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const input = ZUpdatePolicySchema.parse({
      environment: f.get("environment"),
      version: f.get("version"),
      requiredGates: f.getAll("requiredGates"),
      approverRoles: f.getAll("approverRoles"),
      approvalsRequired: f.get("approvalsRequired"),
      allowSelfApproval: on(f, "allowSelfApproval"),
      autoApprove: on(f, "autoApprove"),
      windowDays: f.getAll("windowDays"),
      windowStart: f.get("windowStart"),
      windowEnd: f.get("windowEnd"),
      windowTimeZone: f.get("windowTimeZone"),
      hotfixAllowed: on(f, "hotfixAllowed"),
      hotfixApproverRoles: f.getAll("hotfixApproverRoles"),
      hotfixApprovalsRequired: f.get("hotfixApprovalsRequired"),
      hotfixRequiredGates: f.getAll("hotfixRequiredGates"),
      expireAfterHours: f.get("expireAfterHours"),
    });
    const result = await updatePolicy(user, input);
    revalidatePath("/promotions/policies");
    return result;
  });
}

/** "2026-12-24T09:00" in the policy's zone → an instant. */
function localToInstant(value: FormDataEntryValue | null, zone: string): Date | string | null {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value) : null;
  if (!m) return typeof value === "string" ? value : null;
  return new Date(new TZDate(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], zone).getTime());
}

export async function addFreezeAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const zone = String(f.get("zone") ?? "UTC");
    const tz = isValidTimeZone(zone) ? zone : "UTC";
    const input = ZAddFreezeSchema.parse({ environment: f.get("environment"), reason: f.get("reason"), startsAt: localToInstant(f.get("startsAt"), tz), endsAt: localToInstant(f.get("endsAt"), tz) });
    const result = await addFreeze(user, input);
    revalidatePath("/promotions/policies");
    return result;
  });
}

export async function removeFreezeAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZRemoveFreezeSchema.parse(Object.fromEntries(f));
    const result = await removeFreeze(user, id);
    revalidatePath("/promotions/policies");
    return result;
  });
}
