-- Submissions routed together (lib/data/orders/submit-order.ts): in one call, lock the vendor rows of every
-- pool involved in id order, then reserve each order's budget in submission order — true where the budget
-- line could hold it (committed + amount <= pagu), false where it could not (that order is refused). Vendors
-- before budgets, as everywhere else.
CREATE FUNCTION "mm_lock_and_reserve"(vendor_ids uuid[], budget_ids uuid[], amounts bigint[])
RETURNS boolean[] LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  result boolean[] := '{}';
  i integer;
BEGIN
  PERFORM 1 FROM "Vendor" v WHERE v.id = ANY(vendor_ids) ORDER BY v.id FOR UPDATE;
  FOR i IN 1 .. COALESCE(array_length(budget_ids, 1), 0) LOOP
    UPDATE "Budget" SET committed = committed + amounts[i], version = version + 1, "updatedAt" = now()
    WHERE id = budget_ids[i] AND committed + amounts[i] <= pagu;
    result := result || FOUND;
  END LOOP;
  RETURN result;
END;
$$;
