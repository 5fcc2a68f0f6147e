// Measures a sync of 5,000 secrets against the fake Secrets Manager (real SDK, real
// wire protocol, real database) and prints the time: first sync, then an unchanged re-sync.
import { afterAll, beforeAll, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { FakeSecretsManager, realisticSecrets } from "@/tests/support/fake-secrets-manager";
import { runSecretSync } from "./run-sync";

process.env.AWS_ACCESS_KEY_ID = "AKIDFAKEFORTESTS";
process.env.AWS_SECRET_ACCESS_KEY = "fake-secret-access-key-for-tests";

const fake = new FakeSecretsManager(realisticSecrets(5_000));
beforeAll(() => fake.start());
afterAll(() => fake.stop());

it("syncs 5,000 secrets and prints how long it took", { timeout: 300_000 }, async () => {
  const opts = { trigger: "cli" as const, actor: null, clientOptions: { endpoint: fake.url } };
  const first = await runSecretSync(opts);
  const second = await runSecretSync(opts);
  console.log(
    `secret sync, 5,000 secrets: first ${first.ms} ms (list ${first.phases.listMs}, describe ${first.phases.describeMs}, apply ${first.phases.applyMs}; ` +
      `${first.added} added, ${first.updated} updated); unchanged re-sync ${second.ms} ms (list ${second.phases.listMs}, describe ${second.phases.describeMs}, apply ${second.phases.applyMs})`,
  );
  expect(first).toMatchObject({ status: "succeeded", listed: 5_000 });
  expect(second).toMatchObject({ status: "succeeded", added: 0, updated: 0, removed: 0 });
  expect(await testDb.secret.count({ where: { origin: "aws" } })).toBe(first.added);
  expect(fake.targets().filter((t) => t === "ListSecrets")).toHaveLength(100);
});
