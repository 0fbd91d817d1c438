-- AlterTable
ALTER TABLE "VendorDocument" ADD COLUMN     "expiryWarnedAt" TIMESTAMPTZ(3);

