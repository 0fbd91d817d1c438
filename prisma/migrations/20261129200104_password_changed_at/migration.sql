-- Users change their own password (issue 17, item 8: a vendor's first steps); when they last did.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3);

