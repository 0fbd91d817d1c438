-- Routing's standings in one call per batch, fast (issue 21).
--
-- mm_batch_standings takes one row per (order, vendor) pair as parallel arrays — so the statement's text is the same
-- whatever the batch's size, and is prepared once per connection (lib/db/raw.ts) — and computes what depends on the
-- vendor's year once per vendor and year, not once per pair. mm_pool_standings (the admins' screens, the reserve)
-- becomes the same function for one order, so routing and the screens read one definition.
--
-- Each UMKM's awarded offers per year of delivery (VendorYearAward), kept by statement-level triggers on "Offer",
-- so routing's standings read one row per vendor instead of summing the year's offers (until now three quarters of
-- the standings statement's time, growing with the year). "Awarded" is ACCEPTED or FAILED, as everywhere
-- (lib/domain/routing.ts; mm_batch_standings); the rows still PENDING are few and are summed as before, through the
-- (vendorId, status) index. Only acceptances (and their rare reversals) write here: declines, expiries and new offers
-- do not, so the routing transactions, which hold vendor rows, never wait for these rows. check-invariants.ts
-- compares every row with the offers (`awardRollupMismatches`).
-- CreateTable
CREATE TABLE "VendorYearAward" (
    "vendorId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "awarded" BIGINT NOT NULL DEFAULT 0,
    "awardedOrders" INTEGER NOT NULL DEFAULT 0,
    "lastAwardAt" TIMESTAMPTZ(3),

    CONSTRAINT "VendorYearAward_pkey" PRIMARY KEY ("vendorId","year")
);


-- Applies changes to the awarded set: each a vendor, a year, a value and a count (negative when leaving), the
-- acceptance's time, and whether it leaves. Rows in (vendor, year) order, so concurrent statements cannot deadlock
-- on them. A row leaving the set (an award withdrawn) has its group's last acceptance read again from the offers.
CREATE FUNCTION "mm_vendor_year_awards_apply"(
  vids uuid[], years integer[], values_ bigint[], counts integer[], ats timestamptz[], leaving boolean[]
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF COALESCE(cardinality(vids), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "VendorYearAward" AS t ("vendorId", year, awarded, "awardedOrders", "lastAwardAt")
  SELECT c.vid, c.year, sum(c.v), sum(c.n), max(c.at) FILTER (WHERE NOT c.out)
  FROM unnest(vids, years, values_, counts, ats, leaving) AS c(vid, year, v, n, at, out)
  GROUP BY c.vid, c.year
  ORDER BY c.vid, c.year
  ON CONFLICT ("vendorId", year) DO UPDATE SET
    awarded = t.awarded + EXCLUDED.awarded,
    "awardedOrders" = t."awardedOrders" + EXCLUDED."awardedOrders",
    "lastAwardAt" = GREATEST(t."lastAwardAt", EXCLUDED."lastAwardAt");
  UPDATE "VendorYearAward" t SET "lastAwardAt" = (
    SELECT max(o."respondedAt") FROM "Offer" o
    WHERE o."vendorId" = t."vendorId" AND o.status IN ('ACCEPTED', 'FAILED')
      AND o."deliveryDay" >= make_date(t.year, 1, 1) AND o."deliveryDay" < make_date(t.year + 1, 1, 1))
  WHERE (t."vendorId", t.year) IN (
    SELECT c.vid, c.year FROM unnest(vids, years, leaving) AS c(vid, year, out) WHERE c.out);
END;
$$;

CREATE FUNCTION "mm_offers_awards_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mm_vendor_year_awards_apply"(array_agg(a."vendorId"), array_agg(extract(year FROM a."deliveryDay")::int),
    array_agg(a.value), array_agg(1), array_agg(a."respondedAt"), array_agg(false))
  FROM added a WHERE a.status IN ('ACCEPTED', 'FAILED');
  RETURN NULL;
END;
$$;

CREATE FUNCTION "mm_offers_awards_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mm_vendor_year_awards_apply"(array_agg(r."vendorId"), array_agg(extract(year FROM r."deliveryDay")::int),
    array_agg(-r.value), array_agg(-1), array_agg(NULL::timestamptz), array_agg(true))
  FROM removed r WHERE r.status IN ('ACCEPTED', 'FAILED');
  RETURN NULL;
END;
$$;

-- An offer counts the same before and after when it is awarded both times with the same vendor, day, value and
-- acceptance time (ACCEPTED → FAILED changes nothing); otherwise its old self leaves and its new self enters.
CREATE FUNCTION "mm_offers_awards_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "mm_vendor_year_awards_apply"(array_agg(c.vid), array_agg(c.year), array_agg(c.v), array_agg(c.n),
    array_agg(c.at), array_agg(c.out))
  FROM (
    SELECT b."vendorId" AS vid, extract(year FROM b."deliveryDay")::int AS year, -b.value AS v, -1 AS n,
      NULL::timestamptz AS at, true AS out
    FROM before b JOIN after a ON a.id = b.id
    WHERE b.status IN ('ACCEPTED', 'FAILED')
      AND NOT (a.status IN ('ACCEPTED', 'FAILED') AND a."vendorId" = b."vendorId" AND a."deliveryDay" = b."deliveryDay"
               AND a.value = b.value AND a."respondedAt" IS NOT DISTINCT FROM b."respondedAt")
    UNION ALL
    SELECT a."vendorId", extract(year FROM a."deliveryDay")::int, a.value, 1, a."respondedAt", false
    FROM after a JOIN before b ON b.id = a.id
    WHERE a.status IN ('ACCEPTED', 'FAILED')
      AND NOT (b.status IN ('ACCEPTED', 'FAILED') AND a."vendorId" = b."vendorId" AND a."deliveryDay" = b."deliveryDay"
               AND a.value = b.value AND a."respondedAt" IS NOT DISTINCT FROM b."respondedAt")
  ) c;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Offer_awards_insert" AFTER INSERT ON "Offer"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "mm_offers_awards_inserted"();
CREATE TRIGGER "Offer_awards_delete" AFTER DELETE ON "Offer"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "mm_offers_awards_deleted"();
CREATE TRIGGER "Offer_awards_update" AFTER UPDATE ON "Offer"
  REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION "mm_offers_awards_updated"();

-- What the offers already hold.
INSERT INTO "VendorYearAward" ("vendorId", year, awarded, "awardedOrders", "lastAwardAt")
SELECT "vendorId", extract(year FROM "deliveryDay")::int, sum(value), count(*), max("respondedAt")
FROM "Offer" WHERE status IN ('ACCEPTED', 'FAILED')
GROUP BY 1, 2;

-- The standings read the rollup when the window is a calendar year (routing's fiscal year; the admins' screens), and
-- sum the offers as before for any other window; the open offers' value (PENDING) is summed through the
-- (vendorId, status) index either way. PL/pgSQL, so its plan is kept between calls (an SQL function that is not
-- inlined is planned again on every call: measured 2.8 → 2.1 ms per call on the province sample).
CREATE FUNCTION "mm_batch_standings"(
  idx integer[], vendor_ids uuid[], order_ids uuid[], delivery_days date[], fy_starts date[], fy_ends date[],
  at_times timestamptz[]
) RETURNS TABLE (
  i integer, id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer,
  categories text[], unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint,
  "awardedOrders" bigint, "lastAwardAt" timestamptz, prior text
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH p AS MATERIALIZED (
    SELECT * FROM unnest(idx, vendor_ids, order_ids, delivery_days, fy_starts, fy_ends, at_times)
      AS p(i, vid, order_id, day, fy_start, fy_end, at_time)),
  k AS (
    SELECT DISTINCT vid, fy_start, fy_end,
      (fy_start = date_trunc('year', fy_start)::date AND fy_end = (fy_start + interval '1 year')::date) AS is_year
    FROM p),
  -- MATERIALIZED: computed once per vendor and window; inlined, the planner would run it once per pair.
  y AS MATERIALIZED (
    SELECT k.vid, k.fy_start, k.fy_end,
      CASE WHEN k.is_year THEN a.awarded ELSE s.awarded END AS awarded,
      (SELECT sum(o.value) FROM "Offer" o WHERE o."vendorId" = k.vid AND o.status = 'PENDING'
         AND o."deliveryDay" >= k.fy_start AND o."deliveryDay" < k.fy_end) AS pending,
      CASE WHEN k.is_year THEN a."awardedOrders" ELSE s.awarded_orders END AS awarded_orders,
      CASE WHEN k.is_year THEN a."lastAwardAt" ELSE s.last_award_at END AS last_award_at
    FROM k
    LEFT JOIN "VendorYearAward" a ON k.is_year AND a."vendorId" = k.vid AND a.year = extract(year FROM k.fy_start)::int
    LEFT JOIN LATERAL (
      SELECT sum(o.value) AS awarded, count(*) AS awarded_orders, max(o."respondedAt") AS last_award_at
      FROM "Offer" o
      WHERE NOT k.is_year AND o."vendorId" = k.vid AND o."deliveryDay" >= k.fy_start AND o."deliveryDay" < k.fy_end
        AND o.status IN ('ACCEPTED', 'FAILED')
    ) s ON true)
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
  JOIN y ON y.vid = p.vid AND y.fy_start = p.fy_start AND y.fy_end = p.fy_end;
END;
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
