-- The RoutingDaily trigger fires on an order's update only when what it counts can change (cancelled or not, first
-- escalation, first reserve offer, delivery day, OPD): the WHEN clause is checked without calling the function, so the
-- many updates that change nothing it counts — accepting, delivering — cost nothing extra.
DROP TRIGGER "Order_routing_daily_update" ON "Order";
CREATE TRIGGER "Order_routing_daily_update" AFTER UPDATE OF status, "escalatedAt", "reserveAt", "deliveryDay", "opdId" ON "Order"
  FOR EACH ROW
  WHEN ((OLD.status = 'CANCELLED') IS DISTINCT FROM (NEW.status = 'CANCELLED')
        OR (OLD."escalatedAt" IS NULL) IS DISTINCT FROM (NEW."escalatedAt" IS NULL)
        OR (OLD."reserveAt" IS NULL) IS DISTINCT FROM (NEW."reserveAt" IS NULL)
        OR OLD."deliveryDay" IS DISTINCT FROM NEW."deliveryDay"
        OR OLD."opdId" IS DISTINCT FROM NEW."opdId")
  EXECUTE FUNCTION "mm_order_routing"();
