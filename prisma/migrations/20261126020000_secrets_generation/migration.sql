-- Row 4 = secrets (the metadata registry). Statement-level, like config: a sync writes
-- thousands of rows in a few statements.
INSERT INTO "ConfigGeneration" ("id", "n") VALUES (4, 0) ON CONFLICT DO NOTHING;

CREATE FUNCTION parity_bump_generation_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ConfigGeneration" SET "n" = "n" + 1 WHERE "id" = TG_ARGV[0]::int;
  RETURN NULL;
END $$;

CREATE TRIGGER "Secret_bump_secrets_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Secret"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation_statement(4);
