-- Every routing now goes through one batch router (lib/data/routing/route-order.ts routeBatchInTx), which locks with
-- mm_lock_and_reserve and reads standings with mm_pool_standings / mm_reserve_standings; the single-order lock-and-read
-- function is no longer called.
DROP FUNCTION IF EXISTS "mm_lock_pool_standings"(uuid[], uuid[], uuid, date, date, date, timestamptz, uuid);
