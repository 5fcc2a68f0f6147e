// The scheduled path: pg-boss on this file's database, its worker running a real sync
// against the fake Secrets Manager (the SDK reads AWS_ENDPOINT_URL_SECRETS_MANAGER itself).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { FakeSecretsManager, realisticSecrets } from "@/tests/support/fake-secrets-manager";

const fake = new FakeSecretsManager(realisticSecrets(30));
let schedule: typeof import("./schedule");

beforeAll(async () => {
  await fake.start();
  process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFORTESTS";
  process.env.AWS_SECRET_ACCESS_KEY = "fake-secret-access-key-for-tests";
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = fake.url;
  schedule = await import("./schedule");
});
afterAll(async () => {
  await schedule?.stopSecretSyncSchedule();
  await fake.stop();
});

describe("cronForInterval", () => {
  const cases: [number, string][] = [[1, "*/1 * * * *"], [5, "*/5 * * * *"], [59, "*/59 * * * *"], [60, "0 */1 * * *"], [150, "0 */3 * * *"], [1440, "0 0 * * *"], [10_000, "0 0 * * *"]];
  for (const [m, cron] of cases) it(`${m} min → ${cron}`, () => expect(schedule.cronForInterval(m)).toBe(cron));
});

describe("the pg-boss schedule", () => {
  it("schedules the queue and its worker runs a sync through the configured endpoint", { timeout: 60_000 }, async () => {
    const boss = await schedule.startSecretSyncSchedule({ intervalMinutes: 5, connectionString: process.env.DATABASE_URL });
    expect(boss).not.toBeNull();
    const rows = await testDb.$queryRaw<{ name: string; cron: string }[]>`select name, cron from pgboss.schedule`;
    expect(rows).toEqual([{ name: "secrets-sync", cron: "*/5 * * * *" }]);
    await boss!.send(schedule.SYNC_QUEUE, {});
    let run = null;
    for (let i = 0; i < 50 && !run; i++) {
      await new Promise((r) => setTimeout(r, 500));
      run = await testDb.secretSyncRun.findFirst({ where: { trigger: "schedule", status: { in: ["succeeded", "failed"] } } });
    }
    expect(run).toMatchObject({ status: "succeeded", listed: 30 });
    expect(fake.targets()).not.toContain("GetSecretValue");
  });
});
