// Next.js calls register() once per server process at start-up. Background work
// (the audit chain's sealer, the scheduled secret sync on pg-boss, the outgoing
// notification sender) runs in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAuditSealer } = await import("./lib/data/audit/audit-sealer");
  startAuditSealer();
  const { startSecretSyncSchedule } = await import("./lib/integrations/aws-secrets/schedule");
  await startSecretSyncSchedule().catch(async (error: unknown) => {
    const { log } = await import("./lib/log");
    log.error({ error: (error as Error).message }, "could not start the secret sync schedule; on-demand sync still works");
  });
  const { startNotificationWorker } = await import("./lib/integrations/notifications/worker");
  startNotificationWorker();
}
