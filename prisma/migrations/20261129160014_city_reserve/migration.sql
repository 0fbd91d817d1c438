-- The city-wide reserve (cadangan kota): a routing decision records whether it chose from the OPD's own pool or,
-- the pool being exhausted, from every other UMKM of the decree — and then why each of those was not eligible.
-- AlterTable
ALTER TABLE "RoutingDecision" ADD COLUMN     "reserveExclusions" JSONB,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'POOL';

ALTER TABLE "RoutingDecision" ADD CONSTRAINT "RoutingDecision_scope_check" CHECK (scope IN ('POOL', 'RESERVE'));
