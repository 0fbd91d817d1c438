-- Orders per delivery day and OPD with how many ever needed an admin and how many the city-wide reserve served
-- (issue 15): the mayor's dashboard and the public page read the share of escalations from here. A trigger on
-- "Order" keeps it in the same transaction as every change; cancelled orders are not counted.
-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "reserveAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RoutingDaily" (
    "day" DATE NOT NULL,
    "opdId" UUID NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "escalated" INTEGER NOT NULL DEFAULT 0,
    "reserve" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoutingDaily_pkey" PRIMARY KEY ("day","opdId")
);

-- Orders already offered from the reserve (decisions of migration city_reserve) before this column existed.
UPDATE "Order" o SET "reserveAt" = r.at
FROM (SELECT "orderId", min("decidedAt") AS at FROM "RoutingDecision" WHERE scope = 'RESERVE' AND outcome = 'OFFERED' GROUP BY 1) r
WHERE r."orderId" = o.id;

CREATE FUNCTION "mm_routing_add"(d date, opd uuid, n integer, e integer, r integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "RoutingDaily" (day, "opdId", orders, escalated, reserve) VALUES (d, opd, n, e, r)
  ON CONFLICT (day, "opdId") DO UPDATE SET
    orders = "RoutingDaily".orders + EXCLUDED.orders,
    escalated = "RoutingDaily".escalated + EXCLUDED.escalated,
    reserve = "RoutingDaily".reserve + EXCLUDED.reserve;
$$;

-- An order counts once (not cancelled), as escalated once it ever was, as served by the reserve once it ever was.
CREATE FUNCTION "mm_order_routing"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o_n integer := 0; o_e integer := 0; o_r integer := 0;
  n_n integer := 0; n_e integer := 0; n_r integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'CANCELLED' THEN
    o_n := 1; o_e := (OLD."escalatedAt" IS NOT NULL)::integer; o_r := (OLD."reserveAt" IS NOT NULL)::integer;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'CANCELLED' THEN
    n_n := 1; n_e := (NEW."escalatedAt" IS NOT NULL)::integer; n_r := (NEW."reserveAt" IS NOT NULL)::integer;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."deliveryDay" = NEW."deliveryDay" AND OLD."opdId" = NEW."opdId" THEN
    IF o_n <> n_n OR o_e <> n_e OR o_r <> n_r THEN
      PERFORM "mm_routing_add"(NEW."deliveryDay", NEW."opdId", n_n - o_n, n_e - o_e, n_r - o_r);
    END IF;
    RETURN NULL;
  END IF;
  IF o_n = 1 THEN PERFORM "mm_routing_add"(OLD."deliveryDay", OLD."opdId", -1, -o_e, -o_r); END IF;
  IF n_n = 1 THEN PERFORM "mm_routing_add"(NEW."deliveryDay", NEW."opdId", 1, n_e, n_r); END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Order_routing_daily_insert_delete" AFTER INSERT OR DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "mm_order_routing"();
CREATE TRIGGER "Order_routing_daily_update" AFTER UPDATE OF status, "escalatedAt", "reserveAt", "deliveryDay", "opdId" ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "mm_order_routing"();

-- What is already there.
INSERT INTO "RoutingDaily" (day, "opdId", orders, escalated, reserve)
SELECT "deliveryDay", "opdId", count(*), count("escalatedAt"), count("reserveAt")
FROM "Order" WHERE status <> 'CANCELLED' GROUP BY 1, 2;
