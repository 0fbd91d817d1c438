-- CreateTable
CREATE TABLE "SpendMonthly" (
    "month" DATE NOT NULL,
    "opdId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "awardedValue" BIGINT NOT NULL DEFAULT 0,
    "awardedCount" INTEGER NOT NULL DEFAULT 0,
    "deliveredValue" BIGINT NOT NULL DEFAULT 0,
    "deliveredCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SpendMonthly_pkey" PRIMARY KEY ("month","opdId","vendorId")
);

-- CreateIndex
CREATE INDEX "SpendMonthly_vendorId_month_idx" ON "SpendMonthly"("vendorId", "month");

-- CreateIndex
CREATE INDEX "SpendMonthly_opdId_month_idx" ON "SpendMonthly"("opdId", "month");


-- One change of spend, added to the day's and the month's rows (negative amounts take it away).
CREATE FUNCTION "mm_spend_add"(d date, opd uuid, vendor uuid, awarded bigint, awarded_n integer, delivered bigint, delivered_n integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SpendDaily" (day, "opdId", "vendorId", "awardedValue", "awardedCount", "deliveredValue", "deliveredCount")
  VALUES (d, opd, vendor, awarded, awarded_n, delivered, delivered_n)
  ON CONFLICT (day, "opdId", "vendorId") DO UPDATE SET
    "awardedValue" = "SpendDaily"."awardedValue" + EXCLUDED."awardedValue",
    "awardedCount" = "SpendDaily"."awardedCount" + EXCLUDED."awardedCount",
    "deliveredValue" = "SpendDaily"."deliveredValue" + EXCLUDED."deliveredValue",
    "deliveredCount" = "SpendDaily"."deliveredCount" + EXCLUDED."deliveredCount";
  INSERT INTO "SpendMonthly" (month, "opdId", "vendorId", "awardedValue", "awardedCount", "deliveredValue", "deliveredCount")
  VALUES (date_trunc('month', d)::date, opd, vendor, awarded, awarded_n, delivered, delivered_n)
  ON CONFLICT (month, "opdId", "vendorId") DO UPDATE SET
    "awardedValue" = "SpendMonthly"."awardedValue" + EXCLUDED."awardedValue",
    "awardedCount" = "SpendMonthly"."awardedCount" + EXCLUDED."awardedCount",
    "deliveredValue" = "SpendMonthly"."deliveredValue" + EXCLUDED."deliveredValue",
    "deliveredCount" = "SpendMonthly"."deliveredCount" + EXCLUDED."deliveredCount";
$$;

-- The orders' trigger now keeps both rollups, in the same transaction as the change.
CREATE OR REPLACE FUNCTION "mm_order_spend"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."vendorId" IS NOT NULL AND OLD.status IN ('ACCEPTED', 'DELIVERED') THEN
    PERFORM "mm_spend_add"(OLD."deliveryDay", OLD."opdId", OLD."vendorId", -OLD.total, -1,
      CASE WHEN OLD.status = 'DELIVERED' THEN -OLD.total ELSE 0 END, CASE WHEN OLD.status = 'DELIVERED' THEN -1 ELSE 0 END);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."vendorId" IS NOT NULL AND NEW.status IN ('ACCEPTED', 'DELIVERED') THEN
    PERFORM "mm_spend_add"(NEW."deliveryDay", NEW."opdId", NEW."vendorId", NEW.total, 1,
      CASE WHEN NEW.status = 'DELIVERED' THEN NEW.total ELSE 0 END, CASE WHEN NEW.status = 'DELIVERED' THEN 1 ELSE 0 END);
  END IF;
  RETURN NULL;
END;
$$;

-- What is already there.
INSERT INTO "SpendMonthly" (month, "opdId", "vendorId", "awardedValue", "awardedCount", "deliveredValue", "deliveredCount")
SELECT date_trunc('month', day)::date, "opdId", "vendorId", sum("awardedValue"), sum("awardedCount"), sum("deliveredValue"), sum("deliveredCount")
FROM "SpendDaily" GROUP BY 1, 2, 3;
