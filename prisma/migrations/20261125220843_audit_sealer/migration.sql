-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "seq" BIGINT,
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- Every existing event was chained under the writers' lock in id order: that order is its chain position.
UPDATE "AuditEvent" SET "seq" = "id" WHERE "hash" IS NOT NULL;
