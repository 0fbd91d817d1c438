-- Quiet hours (issue 17, item 3): an offer made at night records when it is sent to the vendor (its window starts then).
-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "sendAt" TIMESTAMPTZ(3);

