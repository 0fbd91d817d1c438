-- Routing reads a batch's standings in one call: mm_batch_standings takes one row per (order, vendor) pair as
-- parallel arrays — so the statement's text is the same whatever the batch's size, and is prepared once per
-- connection (lib/db/raw.ts) — and computes each vendor's fiscal-year totals (awarded, pending, orders awarded, last
-- award) once per vendor and year, not once per order: sixteen orders from pools of seven share a handful of
-- vendors, and those totals (a scan of the vendor's offers in the year) were three quarters of the statement's time.
-- What a standing is does not change: mm_pool_standings (the admins' screens, the reserve) now calls this function,
-- so routing and the screens read one definition.
CREATE FUNCTION "mm_batch_standings"(
  idx integer[], vendor_ids uuid[], order_ids uuid[], delivery_days date[], fy_starts date[], fy_ends date[],
  at_times timestamptz[]
) RETURNS TABLE (
  i integer, id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer,
  categories text[], unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint,
  "awardedOrders" bigint, "lastAwardAt" timestamptz, prior text
) LANGUAGE sql STABLE AS $$
  WITH p AS MATERIALIZED (
    SELECT * FROM unnest(idx, vendor_ids, order_ids, delivery_days, fy_starts, fy_ends, at_times)
      AS p(i, vid, order_id, day, fy_start, fy_end, at_time)),
  -- MATERIALIZED: computed once per vendor and year; inlined, the planner would run it once per pair.
  y AS MATERIALIZED (
    SELECT k.vid, k.fy_start, k.fy_end, t.awarded, t.pending, t.awarded_orders, t.last_award_at
    FROM (SELECT DISTINCT vid, fy_start, fy_end FROM p) k
    LEFT JOIN LATERAL (
      SELECT sum(o.value) FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS awarded,
             sum(o.value) FILTER (WHERE o.status = 'PENDING') AS pending,
             count(*) FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS awarded_orders,
             max(o."respondedAt") FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS last_award_at
      FROM "Offer" o
      WHERE o."vendorId" = k.vid AND o."deliveryDay" >= k.fy_start AND o."deliveryDay" < k.fy_end
        AND o.status IN ('PENDING', 'ACCEPTED', 'FAILED')
    ) t ON true)
  SELECT p.i, v.id, v.code, v.name, v.status::text, v."ekatalogStatus"::text, v."dailyCapacityPax",
    ARRAY(SELECT DISTINCT m.category::text FROM "VendorMenuItem" m WHERE m."vendorId" = v.id AND m.active),
    EXISTS (SELECT 1 FROM "VendorUnavailableDay" u WHERE u."vendorId" = v.id AND u.day = p.day),
    EXISTS (SELECT 1 FROM "Sanction" s WHERE s."vendorId" = v.id AND s.status = 'CONFIRMED' AND s.level IN ('SP2', 'SP3')
            AND (s."startsAt" IS NULL OR s."startsAt" <= p.at_time) AND (s."endsAt" IS NULL OR s."endsAt" > p.at_time)),
    COALESCE((SELECT sum(o.pax) FROM "Offer" o WHERE o."vendorId" = v.id AND o."deliveryDay" = p.day
              AND o.status IN ('PENDING', 'ACCEPTED')), 0)::bigint,
    COALESCE(y.awarded, 0)::bigint,
    COALESCE(y.pending, 0)::bigint,
    COALESCE(y.awarded_orders, 0)::bigint,
    y.last_award_at,
    (SELECT o.status::text FROM "Offer" o WHERE o."orderId" = p.order_id AND o."vendorId" = v.id
       AND o.status IN ('DECLINED', 'EXPIRED', 'FAILED') ORDER BY o.round DESC LIMIT 1)
  FROM p
  JOIN "Vendor" v ON v.id = p.vid
  JOIN y ON y.vid = p.vid AND y.fy_start = p.fy_start AND y.fy_end = p.fy_end
$$;

-- One order's standings: the batch function with a single order (each vendor once, as before).
CREATE OR REPLACE FUNCTION "mm_pool_standings"(
  pool_ids uuid[], order_id uuid, delivery_day date, fy_start date, fy_end date, at_time timestamptz
) RETURNS TABLE (
  id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer, categories text[],
  unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint, "awardedOrders" bigint,
  "lastAwardAt" timestamptz, prior text
) LANGUAGE sql STABLE AS $$
  SELECT s.id, s.code, s.name, s.status, s."ekatalogStatus", s."dailyCapacityPax", s.categories, s.unavailable,
    s.suspended, s.booked, s.awarded, s.pending, s."awardedOrders", s."lastAwardAt", s.prior
  FROM (SELECT array_agg(DISTINCT x) AS ids FROM unnest(pool_ids) AS x) d
  CROSS JOIN LATERAL "mm_batch_standings"(
    array_fill(0, ARRAY[cardinality(d.ids)]), d.ids, array_fill(order_id, ARRAY[cardinality(d.ids)]),
    array_fill(delivery_day, ARRAY[cardinality(d.ids)]), array_fill(fy_start, ARRAY[cardinality(d.ids)]),
    array_fill(fy_end, ARRAY[cardinality(d.ids)]), array_fill(at_time, ARRAY[cardinality(d.ids)])) s
  WHERE cardinality(d.ids) > 0
$$;
