-- CreateTable
CREATE TABLE "SpendDaily" (
    "day" DATE NOT NULL,
    "opdId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "awardedValue" BIGINT NOT NULL DEFAULT 0,
    "awardedCount" INTEGER NOT NULL DEFAULT 0,
    "deliveredValue" BIGINT NOT NULL DEFAULT 0,
    "deliveredCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SpendDaily_pkey" PRIMARY KEY ("day","opdId","vendorId")
);

-- CreateIndex
CREATE INDEX "SpendDaily_vendorId_day_idx" ON "SpendDaily"("vendorId", "day");

-- CreateIndex
CREATE INDEX "SpendDaily_opdId_day_idx" ON "SpendDaily"("opdId", "day");


-- Kept current by the order itself: whatever changes an order's status, vendor, total, day or OPD moves its
-- contribution in the same transaction, so the dashboard never reads a stale figure.
CREATE FUNCTION "mm_order_spend"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."vendorId" IS NOT NULL AND OLD.status IN ('ACCEPTED', 'DELIVERED') THEN
    UPDATE "SpendDaily" SET
      "awardedValue" = "awardedValue" - OLD.total,
      "awardedCount" = "awardedCount" - 1,
      "deliveredValue" = "deliveredValue" - CASE WHEN OLD.status = 'DELIVERED' THEN OLD.total ELSE 0 END,
      "deliveredCount" = "deliveredCount" - CASE WHEN OLD.status = 'DELIVERED' THEN 1 ELSE 0 END
    WHERE day = OLD."deliveryDay" AND "opdId" = OLD."opdId" AND "vendorId" = OLD."vendorId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."vendorId" IS NOT NULL AND NEW.status IN ('ACCEPTED', 'DELIVERED') THEN
    INSERT INTO "SpendDaily" (day, "opdId", "vendorId", "awardedValue", "awardedCount", "deliveredValue", "deliveredCount")
    VALUES (NEW."deliveryDay", NEW."opdId", NEW."vendorId", NEW.total, 1,
            CASE WHEN NEW.status = 'DELIVERED' THEN NEW.total ELSE 0 END, CASE WHEN NEW.status = 'DELIVERED' THEN 1 ELSE 0 END)
    ON CONFLICT (day, "opdId", "vendorId") DO UPDATE SET
      "awardedValue" = "SpendDaily"."awardedValue" + EXCLUDED."awardedValue",
      "awardedCount" = "SpendDaily"."awardedCount" + EXCLUDED."awardedCount",
      "deliveredValue" = "SpendDaily"."deliveredValue" + EXCLUDED."deliveredValue",
      "deliveredCount" = "SpendDaily"."deliveredCount" + EXCLUDED."deliveredCount";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Order_spend_daily"
  AFTER INSERT OR DELETE OR UPDATE OF status, "vendorId", total, "deliveryDay", "opdId" ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "mm_order_spend"();

-- What is already there.
INSERT INTO "SpendDaily" (day, "opdId", "vendorId", "awardedValue", "awardedCount", "deliveredValue", "deliveredCount")
SELECT "deliveryDay", "opdId", "vendorId", sum(total), count(*),
       COALESCE(sum(total) FILTER (WHERE status = 'DELIVERED'), 0), count(*) FILTER (WHERE status = 'DELIVERED')
FROM "Order" WHERE "vendorId" IS NOT NULL AND status IN ('ACCEPTED', 'DELIVERED')
GROUP BY "deliveryDay", "opdId", "vendorId";
