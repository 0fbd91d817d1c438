-- Getting paid (issue 20): what the OPD owes per delivered order (Payable), the vendor's invoices, the treasurer's
-- payments (append-only; a reversal is a new row with negative amounts), the vendor's bank account, the OPD
-- treasurer's permission, and days-to-pay per month and OPD (PaymentMonthly, kept by a trigger on Payable).
-- Hand-written below the generated part: CHECKs, the one-open-invoice index, the append-only trigger, the rollup
-- trigger, and the payables of orders delivered before this migration.

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('UP_GU', 'KKPD', 'LS');

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "bankAccountName" TEXT,
ADD COLUMN     "bankAccountNumber" TEXT,
ADD COLUMN     "bankName" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "treasurer" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Payable" (
    "orderId" UUID NOT NULL,
    "opdId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "bastAt" TIMESTAMPTZ(3) NOT NULL,
    "invoiceStatus" "InvoiceStatus",
    "invoicedAt" TIMESTAMPTZ(3),
    "paidGross" BIGINT NOT NULL DEFAULT 0,
    "taxWithheld" BIGINT NOT NULL DEFAULT 0,
    "paidNet" BIGINT NOT NULL DEFAULT 0,
    "paidOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Payable_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "bankName" TEXT NOT NULL,
    "bankAccountNumber" TEXT NOT NULL,
    "bankAccountName" TEXT NOT NULL,
    "note" TEXT,
    "meteraiRequired" BOOLEAN NOT NULL DEFAULT false,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedById" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "returnReason" TEXT,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "paidOn" DATE NOT NULL,
    "reference" TEXT,
    "gross" BIGINT NOT NULL,
    "taxWithheld" BIGINT NOT NULL,
    "net" BIGINT NOT NULL,
    "note" TEXT,
    "reversesId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "idempotencyKey" TEXT,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentMonthly" (
    "month" DATE NOT NULL,
    "opdId" UUID NOT NULL,
    "paidCount" INTEGER NOT NULL DEFAULT 0,
    "paidGross" BIGINT NOT NULL DEFAULT 0,
    "daysFromBast" BIGINT NOT NULL DEFAULT 0,
    "invoicedCount" INTEGER NOT NULL DEFAULT 0,
    "daysFromInvoice" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PaymentMonthly_pkey" PRIMARY KEY ("month","opdId")
);

-- CreateIndex
CREATE INDEX "Payable_vendorId_paidOn_idx" ON "Payable"("vendorId", "paidOn");

-- CreateIndex
CREATE INDEX "Payable_opdId_paidOn_idx" ON "Payable"("opdId", "paidOn");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_orderId_idx" ON "Invoice"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reversesId_key" ON "Payment"("reversesId");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE INDEX "Payment_paidOn_idx" ON "Payment"("paidOn");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_recordedById_idempotencyKey_key" ON "Payment"("recordedById", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Payable"("orderId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Payable"("orderId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------------------------------
-- Hand-written.

ALTER TABLE "Payable" ADD CONSTRAINT "Payable_amount_positive" CHECK ("amount" >= 0);
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_paid_within" CHECK ("paidGross" >= 0 AND "paidGross" <= "amount");
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_net" CHECK ("taxWithheld" >= 0 AND "paidNet" = "paidGross" - "taxWithheld");
-- Paid in full exactly when the day is set (lib/domain/payment.ts payableStage).
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_paid_day" CHECK (("paidOn" IS NOT NULL) = ("amount" > 0 AND "paidGross" = "amount"));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_returned_reason" CHECK (("status" = 'RETURNED') = ("returnReason" IS NOT NULL));
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_sign" CHECK (
  ("reversesId" IS NULL AND "gross" > 0 AND "taxWithheld" >= 0 AND "taxWithheld" < "gross")
  OR ("reversesId" IS NOT NULL AND "gross" < 0 AND "taxWithheld" <= 0));
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_net" CHECK ("net" = "gross" - "taxWithheld");

-- At most one invoice per order that is not returned (under review or accepted): a double tap submits one.
CREATE UNIQUE INDEX "Invoice_one_open_per_order" ON "Invoice"("orderId") WHERE "status" <> 'RETURNED';
-- What is still owed, oldest BAST first: the overdue lists.
CREATE INDEX "Payable_owed_bast" ON "Payable"("bastAt") WHERE "paidOn" IS NULL;

-- Payments are never changed: a mistake is corrected by a reversal (lib/data/payments/reverse-payment.ts).
CREATE FUNCTION "mm_payment_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Payment rows are never changed (% refused): record a reversal', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "payment_append_only" BEFORE UPDATE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION "mm_payment_append_only"();

-- Days-to-pay per month and OPD. Mirrors lib/domain/payment.ts daysToPay (WIB calendar days, never negative);
-- tests/integration/payments.test.ts compares the two.
CREATE FUNCTION "mm_payment_monthly_add"(p "Payable", sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PaymentMonthly" (month, "opdId", "paidCount", "paidGross", "daysFromBast", "invoicedCount", "daysFromInvoice")
  VALUES (
    date_trunc('month', p."paidOn")::date, p."opdId", sign, sign * p."paidGross",
    sign * GREATEST(0, p."paidOn" - (p."bastAt" AT TIME ZONE 'Asia/Jakarta')::date),
    sign * (p."invoicedAt" IS NOT NULL)::int,
    sign * COALESCE(GREATEST(0, p."paidOn" - (p."invoicedAt" AT TIME ZONE 'Asia/Jakarta')::date), 0))
  ON CONFLICT (month, "opdId") DO UPDATE SET
    "paidCount" = "PaymentMonthly"."paidCount" + EXCLUDED."paidCount",
    "paidGross" = "PaymentMonthly"."paidGross" + EXCLUDED."paidGross",
    "daysFromBast" = "PaymentMonthly"."daysFromBast" + EXCLUDED."daysFromBast",
    "invoicedCount" = "PaymentMonthly"."invoicedCount" + EXCLUDED."invoicedCount",
    "daysFromInvoice" = "PaymentMonthly"."daysFromInvoice" + EXCLUDED."daysFromInvoice";
END $$;

CREATE FUNCTION "mm_payable_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."paidOn" IS NOT NULL THEN
    PERFORM "mm_payment_monthly_add"(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."paidOn" IS NOT NULL THEN
    PERFORM "mm_payment_monthly_add"(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "payable_rollup_ins_del" AFTER INSERT OR DELETE ON "Payable"
  FOR EACH ROW EXECUTE FUNCTION "mm_payable_rollup"();
CREATE TRIGGER "payable_rollup_upd" AFTER UPDATE OF "paidOn", "paidGross", "invoicedAt", "bastAt" ON "Payable"
  FOR EACH ROW WHEN (OLD."paidOn" IS DISTINCT FROM NEW."paidOn" OR OLD."paidGross" IS DISTINCT FROM NEW."paidGross"
                     OR OLD."invoicedAt" IS DISTINCT FROM NEW."invoicedAt" OR OLD."bastAt" IS DISTINCT FROM NEW."bastAt")
  EXECUTE FUNCTION "mm_payable_rollup"();

-- Orders delivered before this migration owe their BAST's amount from the day it was confirmed.
INSERT INTO "Payable" ("orderId", "opdId", "vendorId", "fiscalYear", "amount", "bastAt")
SELECT o.id, o."opdId", f."vendorId", o."fiscalYear", COALESCE(f."quantityReceived", o.pax)::bigint * o."unitPrice", f."createdAt"
FROM "Order" o
JOIN "Fulfilment" f ON f."orderId" = o.id AND f.outcome = 'DELIVERED'
WHERE o.status = 'DELIVERED'
ON CONFLICT DO NOTHING;
