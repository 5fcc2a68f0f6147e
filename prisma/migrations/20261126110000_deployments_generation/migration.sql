-- Row 5 = deployments: any write to "Deployment" (a webhook, a promotion's deploy, a
-- rollback, a cascade from a deleted service) bumps it, so the overview's recent deploys
-- and deploy-history pages can be kept per data state (lib/data/generations.ts).
INSERT INTO "ConfigGeneration" ("id", "n") VALUES (5, 0) ON CONFLICT DO NOTHING;

-- Bumped when the writer's transaction commits (a deferred constraint trigger), once per
-- transaction: readers see the new value exactly when they can see the rows. Taken at
-- commit, the counter's row lock is the last lock a transaction takes and is held only
-- for the commit, so concurrent webhooks queue there briefly and a transaction that also
-- bumps the promotions counter (row 3, taken earlier, mid-transaction) cannot deadlock
-- with one that holds row 5.
CREATE FUNCTION parity_bump_deployments_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('parity.deployments_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('parity.deployments_bumped', txid_current()::text, true);
    UPDATE "ConfigGeneration" SET "n" = "n" + 1 WHERE "id" = 5;
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Deployment_bump_deployments_generation" AFTER INSERT OR UPDATE OR DELETE ON "Deployment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION parity_bump_deployments_generation();
-- Constraint triggers cannot fire on TRUNCATE (tests and resets): a statement trigger does.
CREATE TRIGGER "Deployment_truncate_bump_deployments_generation" AFTER TRUNCATE ON "Deployment"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation_statement(5);
