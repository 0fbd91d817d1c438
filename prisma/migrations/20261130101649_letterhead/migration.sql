-- Issue 18: the city's kop surat — its heading and logo, uploaded by an admin (lib/data/admin/letterhead.ts), printed on
-- every letter. One row: id 1 (the check keeps it so).
-- CreateTable
CREATE TABLE "Letterhead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "cityHeading" TEXT NOT NULL,
    "logo" BYTEA,
    "logoType" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Letterhead_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Letterhead" ADD CONSTRAINT "Letterhead_single_row" CHECK (id = 1);
ALTER TABLE "Letterhead" ADD CONSTRAINT "Letterhead_logo_type" CHECK ("logoType" IS NULL OR "logoType" IN ('image/png', 'image/jpeg'));
