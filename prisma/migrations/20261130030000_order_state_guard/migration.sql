-- The order state machine, enforced by the database (issue 19): every change of an order's status — from the use
-- cases' compare-and-set updates and the set-based routing and acceptance statements alike — is checked against the
-- allowed transitions, so an illegal one cannot be written, whatever code writes it. The pairs mirror
-- lib/domain/order-state.ts ORDER_TRANSITIONS (a status kept as it is is not a transition);
-- tests/integration/order-state-guard.test.ts compares the two on every pair and tries every illegal one.
CREATE FUNCTION "mm_order_transition_allowed"(from_status "OrderStatus", to_status "OrderStatus")
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT (from_status::text, to_status::text) IN (
    ('SUBMITTED', 'OFFERED'), ('SUBMITTED', 'ESCALATED'), ('SUBMITTED', 'CANCELLED'),
    ('OFFERED', 'OFFERED'), ('OFFERED', 'ACCEPTED'), ('OFFERED', 'ESCALATED'), ('OFFERED', 'CANCELLED'),
    ('ACCEPTED', 'DELIVERED'), ('ACCEPTED', 'FAILED'), ('ACCEPTED', 'CANCELLED'), ('ACCEPTED', 'OFFERED'),
    ('ACCEPTED', 'ESCALATED'),
    ('ESCALATED', 'OFFERED'), ('ESCALATED', 'CANCELLED'))
$$;

CREATE FUNCTION "mm_order_state_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT "mm_order_transition_allowed"(OLD.status, NEW.status) THEN
    RAISE EXCEPTION 'order % cannot go from % to %', OLD.number, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Order_status_transition';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Order_status_transition" BEFORE UPDATE OF status ON "Order"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION "mm_order_state_guard"();
