-- A vendor may answer a proposed sanction with its side of the story before the admin decides (issue 17, item 7).
-- AlterTable
ALTER TABLE "Sanction" ADD COLUMN     "clarifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "vendorClarification" TEXT;

