-- The rollup helpers the order triggers call for every accepted, delivered or re-routed order (issue 21): written in
-- PL/pgSQL instead of SQL, so their two upserts are planned once per connection and the plan kept, instead of being
-- planned again on every call (PostgreSQL 15 keeps no plan for a non-inlined SQL function between calls). Same
-- statements, same results; measured in the accept statement: the spend trigger 0.23–0.39 ms → see README.
CREATE OR REPLACE FUNCTION "mm_spend_add"(d date, opd uuid, vendor uuid, awarded bigint, awarded_n integer, delivered bigint, delivered_n integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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
END;
$$;

CREATE OR REPLACE FUNCTION "mm_routing_add"(d date, opd uuid, n integer, e integer, r integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RoutingDaily" (day, "opdId", orders, escalated, reserve) VALUES (d, opd, n, e, r)
  ON CONFLICT (day, "opdId") DO UPDATE SET
    orders = "RoutingDaily".orders + EXCLUDED.orders,
    escalated = "RoutingDaily".escalated + EXCLUDED.escalated,
    reserve = "RoutingDaily".reserve + EXCLUDED.reserve;
END;
$$;
