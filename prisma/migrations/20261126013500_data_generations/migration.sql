-- More data states beside config (row 1): row 2 = access (users, roles, the access
-- matrix: who may see what), row 3 = promotions (requests, gates, approvals, policies,
-- freezes). Caches of per-person results key on them (lib/data/generations.ts).
INSERT INTO "ConfigGeneration" ("id", "n") VALUES (2, 0), (3, 0) ON CONFLICT DO NOTHING;

-- Bumped in the writer's transaction, like row 1. Row-level (not statement-level) so a
-- statement that changes no row (e.g. a guarded update that lost its race) bumps nothing.
CREATE FUNCTION parity_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ConfigGeneration" SET "n" = "n" + 1 WHERE "id" = TG_ARGV[0]::int;
  RETURN NULL;
END $$;

-- access (2). lastSeenAt and updatedAt changes are not access changes.
CREATE TRIGGER "User_bump_access_generation" AFTER INSERT OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(2);
CREATE TRIGGER "User_update_bump_access_generation" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN (OLD."email" IS DISTINCT FROM NEW."email" OR OLD."name" IS DISTINCT FROM NEW."name" OR OLD."active" IS DISTINCT FROM NEW."active" OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION parity_bump_generation(2);
CREATE TRIGGER "UserRole_bump_access_generation" AFTER INSERT OR UPDATE OR DELETE ON "UserRole"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(2);
CREATE TRIGGER "AccessGrant_bump_access_generation" AFTER INSERT OR UPDATE OR DELETE ON "AccessGrant"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(2);
CREATE TRIGGER "User_truncate_bump_access_generation" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(2);
CREATE TRIGGER "UserRole_truncate_bump_access_generation" AFTER TRUNCATE ON "UserRole"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(2);
CREATE TRIGGER "AccessGrant_truncate_bump_access_generation" AFTER TRUNCATE ON "AccessGrant"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(2);

-- promotions (3)
CREATE TRIGGER "Promotion_bump_promotions_generation" AFTER INSERT OR UPDATE OR DELETE ON "Promotion"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Gate_bump_promotions_generation" AFTER INSERT OR UPDATE OR DELETE ON "Gate"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Approval_bump_promotions_generation" AFTER INSERT OR UPDATE OR DELETE ON "Approval"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Policy_bump_promotions_generation" AFTER INSERT OR UPDATE OR DELETE ON "Policy"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "FreezePeriod_bump_promotions_generation" AFTER INSERT OR UPDATE OR DELETE ON "FreezePeriod"
  FOR EACH ROW EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Promotion_truncate_bump_promotions_generation" AFTER TRUNCATE ON "Promotion"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Gate_truncate_bump_promotions_generation" AFTER TRUNCATE ON "Gate"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Approval_truncate_bump_promotions_generation" AFTER TRUNCATE ON "Approval"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "Policy_truncate_bump_promotions_generation" AFTER TRUNCATE ON "Policy"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(3);
CREATE TRIGGER "FreezePeriod_truncate_bump_promotions_generation" AFTER TRUNCATE ON "FreezePeriod"
  FOR EACH STATEMENT EXECUTE FUNCTION parity_bump_generation(3);
