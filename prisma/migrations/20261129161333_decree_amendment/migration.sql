-- Decree amendment drafts the portal prepares when sanctions thin a pool (issue 15): the draft says which decree it
-- amends; at most one such prepared draft per decree is open at a time (it is refreshed, not duplicated).
-- AlterTable
ALTER TABLE "Decree" ADD COLUMN     "amendsId" UUID,
ADD COLUMN     "autoProposed" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "Decree" ADD CONSTRAINT "Decree_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Decree"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE UNIQUE INDEX "Decree_one_open_auto_amendment" ON "Decree" ("amendsId") WHERE "autoProposed" AND status = 'DRAFT';
