-- A code of a step at or before the last accepted one is refused at sign-in (issue 16: a TOTP code works once).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpLastStep" INTEGER;

