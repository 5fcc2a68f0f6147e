"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { requestPromotion } from "@/lib/data/promotions/request-promotion";
import { decidePromotion } from "@/lib/data/promotions/decide-promotion";
import { reportGate } from "@/lib/data/promotions/report-gate";
import { waiveGate } from "@/lib/data/promotions/waive-gate";
import { cancelPromotion } from "@/lib/data/promotions/cancel-promotion";
import { startDeploy } from "@/lib/data/promotions/start-deploy";
import { finishDeploy } from "@/lib/data/promotions/finish-deploy";
import { rollBackPromotion } from "@/lib/data/promotions/roll-back-promotion";
import { ZDecisionSchema, ZDeployResultSchema, ZGateKeySchema, ZRequestPromotionSchema, ZRollBackSchema, ZWaiveGateSchema } from "@/lib/validations/promotions";

const ZId = z.object({ id: z.string().min(1).max(64) });
const form = (f: FormData) => Object.fromEntries(f);

function refresh(id?: string) {
  revalidatePath("/promotions");
  if (id) revalidatePath(`/promotions/${id}`);
  revalidatePath("/");
}

export async function requestPromotionAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const created = await requestPromotion(user, ZRequestPromotionSchema.parse(form(f)));
    refresh(created.id);
    redirect(`/promotions/${created.id}`);
  });
}

export async function decideAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZId.parse(form(f));
    const result = await decidePromotion(user, id, ZDecisionSchema.parse(form(f)));
    refresh(id);
    return result;
  });
}

export async function signOffAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id, gate, detail } = ZId.extend({ gate: ZGateKeySchema, detail: z.string().trim().max(2000).optional() }).parse(form(f));
    const result = await reportGate(user, id, gate, { status: "passed", detail: detail || undefined });
    refresh(id);
    return result;
  });
}

export async function waiveAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id, gate } = ZId.extend({ gate: ZGateKeySchema }).parse(form(f));
    const { reason } = ZWaiveGateSchema.parse(form(f));
    const result = await waiveGate(user, id, gate, reason);
    refresh(id);
    return result;
  });
}

export async function cancelAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id, reason } = ZId.extend({ reason: z.string().trim().max(500).default("") }).parse(form(f));
    const result = await cancelPromotion(user, id, reason);
    refresh(id);
    return result;
  });
}

export async function startDeployAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZId.parse(form(f));
    const result = await startDeploy(user, id);
    refresh(id);
    return result;
  });
}

export async function finishDeployAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZId.parse(form(f));
    const { result, detail } = ZDeployResultSchema.parse(form(f));
    const out = await finishDeploy(user, id, result, detail ?? "");
    refresh(id);
    return out;
  });
}

export async function rollBackAction(_prev: unknown, f: FormData) {
  return runAction(async () => {
    const user = await requireUser();
    const { id } = ZId.parse(form(f));
    const { reason } = ZRollBackSchema.parse(form(f));
    const result = await rollBackPromotion(user, id, reason);
    refresh(id);
    return result;
  });
}
