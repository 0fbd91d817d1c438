-- Routing's row locks are FOR NO KEY UPDATE instead of FOR UPDATE (issues 15 and 21). Routing needs routers to
-- exclude one another on a vendor (its day load and standing), and NO KEY UPDATE conflicts with itself exactly as
-- FOR UPDATE does; but FOR UPDATE also blocks the FOR KEY SHARE lock every foreign-key check takes on the referenced
-- row, so a vendor accepting an offer (Order."vendorId", the spend rollups) waited for any routing that merely had
-- the vendor locked. Nothing routing locks has its key changed or is deleted under that lock.
--
-- Routing now locks the whole decree's UMKM only once an order's pool proves exhausted (a savepoint, see
-- lib/data/routing/route-order.ts), so the everyday call passes no decree: it then locks the given ids through their
-- primary key alone (the "id = ANY(…) OR id IN (…)" form made every call scan the Vendor table).
CREATE OR REPLACE FUNCTION "mm_lock_and_reserve"(vendor_ids uuid[], budget_ids uuid[], amounts bigint[], decree_ids uuid[] DEFAULT '{}')
RETURNS boolean[] LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  result boolean[] := '{}';
  i integer;
BEGIN
  IF COALESCE(array_length(decree_ids, 1), 0) = 0 THEN
    PERFORM 1 FROM "Vendor" v WHERE v.id = ANY(vendor_ids) ORDER BY v.id FOR NO KEY UPDATE;
  ELSE
    PERFORM 1 FROM "Vendor" v
    WHERE v.id IN (SELECT unnest(vendor_ids) UNION SELECT a."vendorId" FROM "Allocation" a WHERE a."decreeId" = ANY(decree_ids))
    ORDER BY v.id FOR NO KEY UPDATE;
  END IF;
  FOR i IN 1 .. COALESCE(array_length(budget_ids, 1), 0) LOOP
    UPDATE "Budget" SET committed = committed + amounts[i], version = version + 1, "updatedAt" = now()
    WHERE id = budget_ids[i] AND committed + amounts[i] <= pagu;
    result := result || FOUND;
  END LOOP;
  RETURN result;
END;
$$;

CREATE OR REPLACE FUNCTION "mm_lock_pool_standings"(
  pool_ids uuid[], lock_ids uuid[], order_id uuid, delivery_day date, fy_start date, fy_end date, at_time timestamptz,
  lock_decree uuid DEFAULT NULL
) RETURNS TABLE (
  id uuid, code text, name text, status text, "ekatalogStatus" text, "dailyCapacityPax" integer, categories text[],
  unavailable boolean, suspended boolean, booked bigint, awarded bigint, pending bigint, "awardedOrders" bigint,
  "lastAwardAt" timestamptz, prior text
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF lock_decree IS NULL THEN
    PERFORM 1 FROM "Vendor" lv WHERE lv.id = ANY(pool_ids || lock_ids) ORDER BY lv.id FOR NO KEY UPDATE;
  ELSE
    PERFORM 1 FROM "Vendor" lv
    WHERE lv.id IN (SELECT unnest(pool_ids || lock_ids) UNION SELECT a."vendorId" FROM "Allocation" a WHERE a."decreeId" = lock_decree)
    ORDER BY lv.id FOR NO KEY UPDATE;
  END IF;
  RETURN QUERY SELECT * FROM "mm_pool_standings"(pool_ids, order_id, delivery_day, fy_start, fy_end, at_time);
END;
$$;

-- RoutingDaily counts a batch of new orders with one upsert per day and OPD, not one per order: the insert (and
-- delete) trigger becomes a statement-level one reading the statement's rows (transition tables). Updates keep the
-- row-level trigger with its WHEN clause (migration 20261129174000), which fires only when a count can change.
DROP TRIGGER "Order_routing_daily_insert_delete" ON "Order";

CREATE FUNCTION "mm_orders_routing_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RoutingDaily" (day, "opdId", orders, escalated, reserve)
  SELECT "deliveryDay", "opdId", count(*), count("escalatedAt"), count("reserveAt")
  FROM added WHERE status <> 'CANCELLED' GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (day, "opdId") DO UPDATE SET
    orders = "RoutingDaily".orders + EXCLUDED.orders,
    escalated = "RoutingDaily".escalated + EXCLUDED.escalated,
    reserve = "RoutingDaily".reserve + EXCLUDED.reserve;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "mm_orders_routing_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RoutingDaily" (day, "opdId", orders, escalated, reserve)
  SELECT "deliveryDay", "opdId", -count(*), -count("escalatedAt"), -count("reserveAt")
  FROM removed WHERE status <> 'CANCELLED' GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (day, "opdId") DO UPDATE SET
    orders = "RoutingDaily".orders + EXCLUDED.orders,
    escalated = "RoutingDaily".escalated + EXCLUDED.escalated,
    reserve = "RoutingDaily".reserve + EXCLUDED.reserve;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Order_routing_daily_insert" AFTER INSERT ON "Order"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "mm_orders_routing_added"();
CREATE TRIGGER "Order_routing_daily_delete" AFTER DELETE ON "Order"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "mm_orders_routing_removed"();
