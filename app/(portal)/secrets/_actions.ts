"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { mayOpen } from "@/lib/authz";
import { listSyncRuns } from "@/lib/data/secrets/sync-runs";
import { startSecretSync } from "@/lib/integrations/aws-secrets/run-sync";
import { toSyncRunDto } from "./_components/sync-run-dto";

/** "Sync now": platform only (checked in startSecretSync); returns at once, the run continues after the response. */
export async function startSyncAction() {
  return runAction(async () => {
    const user = await requireUser();
    const run = await startSecretSync({ trigger: "manual", actor: user });
    revalidatePath("/secrets");
    return run;
  });
}

/** The latest run, polled by the sync panel while a run is in progress. */
export async function syncStatusAction() {
  return runAction(async () => {
    const user = await requireUser();
    if (!mayOpen(user, "secrets")) notFound();
    const [latest] = await listSyncRuns(user, 1);
    return latest ? toSyncRunDto(latest) : null;
  });
}
