-- Routing engine: offers can end FAILED (accepted, then not delivered); a fulfilment belongs to
-- the accepted offer it settles, so a re-routed order can hold a failed and a delivered one;
-- order numbers come from a sequence.

-- AlterEnum
ALTER TYPE "OfferStatus" ADD VALUE 'FAILED';

-- DropIndex
DROP INDEX "Fulfilment_orderId_key";

-- AlterTable: add, backfill from the order's accepted offer, then require.
ALTER TABLE "Fulfilment" ADD COLUMN "offerId" UUID;
UPDATE "Fulfilment" f SET "offerId" = o."id"
  FROM "Offer" o
  WHERE o."orderId" = f."orderId" AND o."vendorId" = f."vendorId" AND o."status" = 'ACCEPTED';
ALTER TABLE "Fulfilment" ALTER COLUMN "offerId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Fulfilment_offerId_key" ON "Fulfilment"("offerId");

-- CreateIndex
CREATE INDEX "Fulfilment_orderId_idx" ON "Fulfilment"("orderId");

-- AddForeignKey
ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Order numbers: MM-<year>-<6 digits>, from one sequence (gaps are fine, duplicates impossible).
CREATE SEQUENCE "Order_number_seq" AS BIGINT START 1;
SELECT setval('"Order_number_seq"', GREATEST(1, COALESCE((SELECT max(split_part("number", '-', 3)::bigint) FROM "Order" WHERE "number" ~ '^MM-\d{4}-\d+$'), 0)), true);

-- A suspension ended early by reinstatement may end at the very moment it started.
ALTER TABLE "Sanction" DROP CONSTRAINT "Sanction_period";
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_period" CHECK ("endsAt" IS NULL OR "startsAt" IS NULL OR "endsAt" >= "startsAt");
