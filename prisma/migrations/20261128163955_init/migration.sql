-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MAYOR', 'OPD_STAFF', 'VENDOR');

-- CreateEnum
CREATE TYPE "VendorStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'REMOVED');

-- CreateEnum
CREATE TYPE "EkatalogStatus" AS ENUM ('BELUM', 'PROSES', 'TAYANG');

-- CreateEnum
CREATE TYPE "MenuCategory" AS ENUM ('MAKAN', 'KUDAPAN', 'MINUMAN');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('NIB', 'NPWP', 'PIRT', 'HALAL');

-- CreateEnum
CREATE TYPE "DecreeStatus" AS ENUM ('DRAFT', 'IN_FORCE', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('SUBMITTED', 'OFFERED', 'ACCEPTED', 'DELIVERED', 'ESCALATED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProcurementMethod" AS ENUM ('PENGADAAN_LANGSUNG', 'E_PURCHASING');

-- CreateEnum
CREATE TYPE "FulfilmentOutcome" AS ENUM ('DELIVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "FailureType" AS ENUM ('NOT_DELIVERED', 'VERY_LATE', 'SHORT_QUANTITY', 'QUALITY_SAFETY', 'VENDOR_CANCELLED');

-- CreateEnum
CREATE TYPE "SanctionLevel" AS ENUM ('SP1', 'SP2', 'SP3');

-- CreateEnum
CREATE TYPE "SanctionStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'OVERRIDDEN', 'REVOKED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Opd" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "headName" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Opd_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "nib" TEXT,
    "npwp" TEXT,
    "address" TEXT NOT NULL,
    "kelurahan" TEXT NOT NULL,
    "kecamatan" TEXT NOT NULL,
    "whatsapp" TEXT NOT NULL,
    "email" TEXT,
    "dailyCapacityPax" INTEGER NOT NULL,
    "status" "VendorStatus" NOT NULL DEFAULT 'ACTIVE',
    "ekatalogStatus" "EkatalogStatus" NOT NULL DEFAULT 'BELUM',
    "ekatalogUrl" TEXT,
    "ekHasNib" BOOLEAN NOT NULL DEFAULT false,
    "ekHasNpwp" BOOLEAN NOT NULL DEFAULT false,
    "ekHasPirt" BOOLEAN NOT NULL DEFAULT false,
    "ekHasHalal" BOOLEAN NOT NULL DEFAULT false,
    "kbliCode" TEXT,
    "ekInaprocAccount" BOOLEAN NOT NULL DEFAULT false,
    "ekProductLive" BOOLEAN NOT NULL DEFAULT false,
    "hasPp55" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorMenuItem" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "category" "MenuCategory" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "pricePerPax" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VendorMenuItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorUnavailableDay" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT,

    CONSTRAINT "VendorUnavailableDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorDocument" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "type" "DocumentType" NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE,
    "expiresOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VendorDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decree" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "signedOn" DATE,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "status" "DecreeStatus" NOT NULL DEFAULT 'DRAFT',
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "supersededAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Decree_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" UUID NOT NULL,
    "decreeId" UUID NOT NULL,
    "opdId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" UUID NOT NULL,
    "opdId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "accountCode" TEXT NOT NULL,
    "accountName" TEXT NOT NULL,
    "pagu" BIGINT NOT NULL,
    "committed" BIGINT NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceCeiling" (
    "id" UUID NOT NULL,
    "category" "MenuCategory" NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "maxPerPax" BIGINT NOT NULL,
    "basis" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PriceCeiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "opdId" UUID NOT NULL,
    "placedById" UUID NOT NULL,
    "budgetId" UUID NOT NULL,
    "decreeId" UUID,
    "eventName" TEXT NOT NULL,
    "deliveryAt" TIMESTAMPTZ(3) NOT NULL,
    "deliveryDay" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "pax" INTEGER NOT NULL,
    "category" "MenuCategory" NOT NULL,
    "unitPrice" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "accountCode" TEXT NOT NULL,
    "method" "ProcurementMethod" NOT NULL,
    "notes" TEXT,
    "status" "OrderStatus" NOT NULL DEFAULT 'SUBMITTED',
    "idempotencyKey" TEXT NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "vendorId" UUID,
    "awardedAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "decisionId" UUID,
    "round" INTEGER NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING',
    "value" BIGINT NOT NULL,
    "pax" INTEGER NOT NULL,
    "deliveryDay" DATE NOT NULL,
    "offeredAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "reason" TEXT,
    "assignedById" UUID,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingDecision" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "chosenVendorId" UUID,
    "candidates" JSONB NOT NULL,
    "exclusions" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,

    CONSTRAINT "RoutingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fulfilment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "outcome" "FulfilmentOutcome" NOT NULL,
    "onTheWayAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lateMinutes" INTEGER,
    "quantityReceived" INTEGER,
    "rating" INTEGER,
    "photoPath" TEXT,
    "failureType" "FailureType",
    "evidence" TEXT,
    "reportedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fulfilment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sanction" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "orderId" UUID,
    "level" "SanctionLevel" NOT NULL,
    "status" "SanctionStatus" NOT NULL DEFAULT 'PROPOSED',
    "cause" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3),
    "endsAt" TIMESTAMPTZ(3),
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "proposedById" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,

    CONSTRAINT "Sanction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "opdId" UUID,
    "vendorId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL DEFAULT 'IN_APP',
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Opd_code_key" ON "Opd"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_code_key" ON "Vendor"("code");

-- CreateIndex
CREATE INDEX "Vendor_status_idx" ON "Vendor"("status");

-- CreateIndex
CREATE INDEX "Vendor_ekatalogStatus_idx" ON "Vendor"("ekatalogStatus");

-- CreateIndex
CREATE INDEX "VendorMenuItem_vendorId_category_idx" ON "VendorMenuItem"("vendorId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "VendorUnavailableDay_vendorId_day_key" ON "VendorUnavailableDay"("vendorId", "day");

-- CreateIndex
CREATE INDEX "VendorDocument_expiresOn_idx" ON "VendorDocument"("expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "VendorDocument_vendorId_type_key" ON "VendorDocument"("vendorId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Decree_number_key" ON "Decree"("number");

-- CreateIndex
CREATE INDEX "Decree_status_effectiveFrom_idx" ON "Decree"("status", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Allocation_opdId_idx" ON "Allocation"("opdId");

-- CreateIndex
CREATE INDEX "Allocation_vendorId_idx" ON "Allocation"("vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "Allocation_decreeId_opdId_vendorId_key" ON "Allocation"("decreeId", "opdId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_opdId_fiscalYear_accountCode_key" ON "Budget"("opdId", "fiscalYear", "accountCode");

-- CreateIndex
CREATE UNIQUE INDEX "PriceCeiling_category_fiscalYear_key" ON "PriceCeiling"("category", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_opdId_createdAt_idx" ON "Order"("opdId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_status_deliveryAt_idx" ON "Order"("status", "deliveryAt");

-- CreateIndex
CREATE INDEX "Order_vendorId_fiscalYear_status_idx" ON "Order"("vendorId", "fiscalYear", "status");

-- CreateIndex
CREATE INDEX "Order_deliveryDay_idx" ON "Order"("deliveryDay");

-- CreateIndex
CREATE UNIQUE INDEX "Order_placedById_idempotencyKey_key" ON "Order"("placedById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Offer_vendorId_status_idx" ON "Offer"("vendorId", "status");

-- CreateIndex
CREATE INDEX "Offer_vendorId_deliveryDay_status_idx" ON "Offer"("vendorId", "deliveryDay", "status");

-- CreateIndex
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_orderId_round_key" ON "Offer"("orderId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingDecision_orderId_round_key" ON "RoutingDecision"("orderId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Fulfilment_orderId_key" ON "Fulfilment"("orderId");

-- CreateIndex
CREATE INDEX "Fulfilment_vendorId_outcome_idx" ON "Fulfilment"("vendorId", "outcome");

-- CreateIndex
CREATE INDEX "Sanction_vendorId_status_idx" ON "Sanction"("vendorId", "status");

-- CreateIndex
CREATE INDEX "Sanction_status_proposedAt_idx" ON "Sanction"("status", "proposedAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_opdId_idx" ON "User"("opdId");

-- CreateIndex
CREATE INDEX "User_vendorId_idx" ON "User"("vendorId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_channel_status_nextAttemptAt_idx" ON "Notification"("channel", "status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "VendorMenuItem" ADD CONSTRAINT "VendorMenuItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorUnavailableDay" ADD CONSTRAINT "VendorUnavailableDay_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorDocument" ADD CONSTRAINT "VendorDocument_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_decreeId_fkey" FOREIGN KEY ("decreeId") REFERENCES "Decree"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_decreeId_fkey" FOREIGN KEY ("decreeId") REFERENCES "Decree"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RoutingDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingDecision" ADD CONSTRAINT "RoutingDecision_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------
-- Constraints Prisma's schema language cannot express: they make impossible states impossible.
-- ---------------------------------------------------------------------------------------

-- An order has at most one pending or accepted offer at any moment.
CREATE UNIQUE INDEX "Offer_one_live_offer_per_order" ON "Offer"("orderId") WHERE "status" IN ('PENDING', 'ACCEPTED');
-- Routing sums pending and accepted value per vendor.
CREATE INDEX "Offer_vendor_live_idx" ON "Offer"("vendorId", "deliveryDay") WHERE "status" IN ('PENDING', 'ACCEPTED');
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_value_nonnegative" CHECK ("value" >= 0 AND "pax" > 0);
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_expires_after_offered" CHECK ("expiresAt" >= "offeredAt");
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_answer_has_time" CHECK ("status" IN ('PENDING', 'WITHDRAWN') OR "respondedAt" IS NOT NULL OR "status" = 'EXPIRED');

ALTER TABLE "Order" ADD CONSTRAINT "Order_pax_positive" CHECK ("pax" > 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_price_positive" CHECK ("unitPrice" > 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_total_is_price_times_pax" CHECK ("total" = "unitPrice" * "pax");
ALTER TABLE "Order" ADD CONSTRAINT "Order_awarded_has_vendor" CHECK ("status" NOT IN ('ACCEPTED', 'DELIVERED', 'FAILED') OR "vendorId" IS NOT NULL);
ALTER TABLE "Order" ADD CONSTRAINT "Order_cancel_has_reason" CHECK ("status" <> 'CANCELLED' OR "cancelReason" IS NOT NULL);
ALTER TABLE "Order" ADD CONSTRAINT "Order_idempotency_key_not_blank" CHECK (length("idempotencyKey") > 0);

-- Budget: reserved plus realised value never exceeds the pagu.
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_pagu_nonnegative" CHECK ("pagu" >= 0);
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_committed_within_pagu" CHECK ("committed" >= 0 AND "committed" <= "pagu");

ALTER TABLE "PriceCeiling" ADD CONSTRAINT "PriceCeiling_positive" CHECK ("maxPerPax" > 0);
ALTER TABLE "VendorMenuItem" ADD CONSTRAINT "VendorMenuItem_price_positive" CHECK ("pricePerPax" > 0);
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_capacity_nonnegative" CHECK ("dailyCapacityPax" >= 0);
-- A listing is live only with the product live and its link recorded.
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_tayang_has_listing" CHECK ("ekatalogStatus" <> 'TAYANG' OR ("ekProductLive" AND "ekatalogUrl" IS NOT NULL));
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_weight_positive" CHECK ("weight" > 0);
ALTER TABLE "Decree" ADD CONSTRAINT "Decree_effective_range" CHECK ("effectiveTo" IS NULL OR "effectiveTo" >= "effectiveFrom");
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_period" CHECK ("endsAt" IS NULL OR "startsAt" IS NULL OR "endsAt" > "startsAt");

ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_failure_has_type" CHECK ("outcome" <> 'FAILED' OR "failureType" IS NOT NULL);
ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_delivery_has_time" CHECK ("outcome" <> 'DELIVERED' OR "deliveredAt" IS NOT NULL);
ALTER TABLE "Fulfilment" ADD CONSTRAINT "Fulfilment_late_nonnegative" CHECK ("lateMinutes" IS NULL OR "lateMinutes" >= 0);

-- A user belongs to exactly what its role says: an OPD for staff, a vendor for vendors, neither otherwise.
ALTER TABLE "User" ADD CONSTRAINT "User_role_scope" CHECK (
  ("role" = 'OPD_STAFF' AND "opdId" IS NOT NULL AND "vendorId" IS NULL) OR
  ("role" = 'VENDOR' AND "vendorId" IS NOT NULL AND "opdId" IS NULL) OR
  ("role" IN ('ADMIN', 'MAYOR') AND "opdId" IS NULL AND "vendorId" IS NULL)
);
ALTER TABLE "User" ADD CONSTRAINT "User_username_format" CHECK ("username" ~ '^[a-z0-9][a-z0-9._-]{1,62}$');

-- The audit log is append-only.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditLog_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
