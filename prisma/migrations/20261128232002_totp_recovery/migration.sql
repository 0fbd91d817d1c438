-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpRecovery" TEXT[] DEFAULT ARRAY[]::TEXT[];

