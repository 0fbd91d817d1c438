-- The city-wide reserve's decree-wide work done in the database, and only when needed (issue 15): routing used to
-- fetch every allocation of the decree with each submission to know whom to lock and how to weight them.
--
-- mm_decree_weights mirrors decreeWeights (lib/domain/routing.ts; tested against it): each UMKM of a decree once,
-- with its largest allocation weight — its weight wherever it is ranked, in a pool or in the reserve.
CREATE FUNCTION "mm_decree_weights"(decree uuid) RETURNS TABLE ("vendorId" uuid, weight integer)
LANGUAGE sql STABLE AS $$
  SELECT a."vendorId", max(a.weight)::integer FROM "Allocation" a WHERE a."decreeId" = decree GROUP BY a."vendorId"
$$;

-- Submissions routed together now also name the decrees whose every UMKM they may go to (the reserve): those
-- vendors are locked with the pools', in one sorted statement, before the budgets.
DROP FUNCTION "mm_lock_and_reserve"(uuid[], uuid[], bigint[]);
CREATE FUNCTION "mm_lock_and_reserve"(vendor_ids uuid[], budget_ids uuid[], amounts bigint[], decree_ids uuid[] DEFAULT '{}')
RETURNS boolean[] LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  result boolean[] := '{}';
  i integer;
BEGIN
  PERFORM 1 FROM "Vendor" v
  WHERE v.id = ANY(vendor_ids) OR v.id IN (SELECT a."vendorId" FROM "Allocation" a WHERE a."decreeId" = ANY(decree_ids))
  ORDER BY v.id FOR UPDATE;
  FOR i IN 1 .. COALESCE(array_length(budget_ids, 1), 0) LOOP
    UPDATE "Budget" SET committed = committed + amounts[i], version = version + 1, "updatedAt" = now()
    WHERE id = budget_ids[i] AND committed + amounts[i] <= pagu;
    result := result || FOUND;
  END LOOP;
  RETURN result;
END;
$$;

-- One order's routing: locks the pool, the extra ids and (with the reserve on) every UMKM of the decree, sorted, in
-- one statement; then the pool's standings.
DROP FUNCTION "mm_lock_pool_standings"(uuid[], uuid[], uuid, date, date, date, timestamptz);
CREATE FUNCTION "mm_lock_pool_standings"(
  pool_ids uuid[], lock_ids uuid[], order_id uuid, delivery_day date, fy_start date, fy_end date, at_time timestamptz,
  lock_decree uuid DEFAULT NULL
) RETURNS TABLE (
  id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer, categories text[],
  unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint, "awardedOrders" bigint,
  "lastAwardAt" timestamptz, prior text
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "Vendor" lv
  WHERE lv.id = ANY(pool_ids || lock_ids) OR lv.id IN (SELECT a."vendorId" FROM "Allocation" a WHERE a."decreeId" = lock_decree)
  ORDER BY lv.id FOR UPDATE;
  RETURN QUERY SELECT * FROM "mm_pool_standings"(pool_ids, order_id, delivery_day, fy_start, fy_end, at_time);
END;
$$;

-- The reserve for an order: every other UMKM of the decree (not in the pool), with its standing and its weight.
CREATE FUNCTION "mm_reserve_standings"(
  decree uuid, pool_ids uuid[], order_id uuid, delivery_day date, fy_start date, fy_end date, at_time timestamptz
) RETURNS TABLE (
  id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer, categories text[],
  unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint, "awardedOrders" bigint,
  "lastAwardAt" timestamptz, prior text, weight integer
) LANGUAGE sql STABLE AS $$
  SELECT s.*, w.weight
  FROM "mm_pool_standings"(
    ARRAY(SELECT x."vendorId" FROM "mm_decree_weights"(decree) x WHERE x."vendorId" <> ALL(pool_ids)),
    order_id, delivery_day, fy_start, fy_end, at_time) s
  JOIN "mm_decree_weights"(decree) w ON w."vendorId" = s.id
$$;
