-- The standings query on its own, without locks, so read-only screens (the admins' escalation queue, which
-- looks for an eligible UMKM anywhere in the city) see exactly what routing would see. Routing's locking
-- function now calls it after taking the locks (RETURN QUERY is a new statement: a fresh snapshot).
CREATE FUNCTION "mm_pool_standings"(
  pool_ids uuid[], order_id uuid, delivery_day date, fy_start date, fy_end date, at_time timestamptz
) RETURNS TABLE (
  id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer, categories text[],
  unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint, "awardedOrders" bigint,
  "lastAwardAt" timestamptz, prior text
) LANGUAGE sql STABLE AS $$
  SELECT v.id, v.code, v.name, v.status::text, v."ekatalogStatus"::text, v."dailyCapacityPax",
    ARRAY(SELECT DISTINCT m.category::text FROM "VendorMenuItem" m WHERE m."vendorId" = v.id AND m.active),
    EXISTS (SELECT 1 FROM "VendorUnavailableDay" u WHERE u."vendorId" = v.id AND u.day = delivery_day),
    EXISTS (SELECT 1 FROM "Sanction" s WHERE s."vendorId" = v.id AND s.status = 'CONFIRMED' AND s.level IN ('SP2', 'SP3')
            AND (s."startsAt" IS NULL OR s."startsAt" <= at_time) AND (s."endsAt" IS NULL OR s."endsAt" > at_time)),
    COALESCE((SELECT sum(o.pax) FROM "Offer" o WHERE o."vendorId" = v.id AND o."deliveryDay" = delivery_day
              AND o.status IN ('PENDING', 'ACCEPTED')), 0)::bigint,
    COALESCE(y.awarded, 0)::bigint,
    COALESCE(y.pending, 0)::bigint,
    COALESCE(y.awarded_orders, 0)::bigint,
    y.last_award_at,
    (SELECT o.status::text FROM "Offer" o WHERE o."orderId" = order_id AND o."vendorId" = v.id
       AND o.status IN ('DECLINED', 'EXPIRED', 'FAILED') ORDER BY o.round DESC LIMIT 1)
  FROM "Vendor" v
  LEFT JOIN LATERAL (
    SELECT sum(o.value) FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS awarded,
           sum(o.value) FILTER (WHERE o.status = 'PENDING') AS pending,
           count(*) FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS awarded_orders,
           max(o."respondedAt") FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS last_award_at
    FROM "Offer" o
    WHERE o."vendorId" = v.id AND o."deliveryDay" >= fy_start AND o."deliveryDay" < fy_end
      AND o.status IN ('PENDING', 'ACCEPTED', 'FAILED')
  ) y ON true
  WHERE v.id = ANY(pool_ids)
$$;

CREATE OR REPLACE FUNCTION "mm_lock_pool_standings"(
  pool_ids uuid[], lock_ids uuid[], order_id uuid, delivery_day date, fy_start date, fy_end date, at_time timestamptz
) RETURNS TABLE (
  id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer, categories text[],
  unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint, "awardedOrders" bigint,
  "lastAwardAt" timestamptz, prior text
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "Vendor" lv WHERE lv.id = ANY(pool_ids || lock_ids) ORDER BY lv.id FOR UPDATE;
  RETURN QUERY SELECT * FROM "mm_pool_standings"(pool_ids, order_id, delivery_day, fy_start, fy_end, at_time);
END;
$$;
