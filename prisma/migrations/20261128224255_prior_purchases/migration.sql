-- CreateTable
CREATE TABLE "PriorPurchase" (
    "id" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "opdId" UUID NOT NULL,
    "supplierName" TEXT NOT NULL,
    "supplierKey" TEXT NOT NULL,
    "purchasedOn" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedById" UUID NOT NULL,

    CONSTRAINT "PriorPurchase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PriorPurchase_fiscalYear_opdId_idx" ON "PriorPurchase"("fiscalYear", "opdId");

-- AddForeignKey
ALTER TABLE "PriorPurchase" ADD CONSTRAINT "PriorPurchase_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorPurchase" ADD CONSTRAINT "PriorPurchase_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Whole rupiah, above zero.
ALTER TABLE "PriorPurchase" ADD CONSTRAINT "PriorPurchase_amount_positive" CHECK ("amount" > 0);
