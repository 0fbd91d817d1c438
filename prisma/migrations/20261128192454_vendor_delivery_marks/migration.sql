-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "handedOverAt" TIMESTAMPTZ(3),
ADD COLUMN     "onTheWayAt" TIMESTAMPTZ(3);

