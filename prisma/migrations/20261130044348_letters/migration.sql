-- Letters officials can sign (issue 18): the OPD's signing official (NIP, title) and phone on its letters; the letters'
-- numbers from a counter per kind, OPD and year (no repeat, no gap); each issued letter with the hash of what it says
-- and the code of its public verification page.

-- AlterTable
ALTER TABLE "Opd" ADD COLUMN     "headNip" TEXT,
ADD COLUMN     "headTitle" TEXT,
ADD COLUMN     "phone" TEXT;

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "kind" TEXT NOT NULL,
    "opdId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("kind","opdId","year")
);

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "orderId" UUID NOT NULL,
    "opdId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "verifyCode" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_verifyCode_key" ON "IssuedDocument"("verifyCode");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_orderId_kind_key" ON "IssuedDocument"("orderId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_kind_opdId_year_seq_key" ON "IssuedDocument"("kind", "opdId", "year", "seq");


-- Hand-written: the order relation (as Prisma would write it), a number is positive.
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_seq_positive" CHECK ("seq" > 0);
ALTER TABLE "DocumentCounter" ADD CONSTRAINT "DocumentCounter_last_nonnegative" CHECK ("last" >= 0);
