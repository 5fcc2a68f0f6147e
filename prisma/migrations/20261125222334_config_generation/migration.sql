-- CreateTable
CREATE TABLE "ConfigGeneration" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ConfigGeneration_pkey" PRIMARY KEY ("id")
);

INSERT INTO "ConfigGeneration" ("id", "n") VALUES (1, 0) ON CONFLICT DO NOTHING;

-- Bumped in the writer's transaction, so a reader sees the new generation exactly when it
-- can see the new data (a sequence would be visible before the commit).
CREATE FUNCTION parity_bump_config_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ConfigGeneration" SET "n" = "n" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "ConfigEntry_bump_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConfigEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_config_generation();
CREATE TRIGGER "IntendedDifference_bump_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IntendedDifference"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_config_generation();
CREATE TRIGGER "Environment_bump_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Environment"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_config_generation();
CREATE TRIGGER "Service_bump_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_config_generation();
CREATE TRIGGER "OrgSetting_bump_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OrgSetting"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_config_generation();
