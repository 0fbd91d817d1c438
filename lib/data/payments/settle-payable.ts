// After a payment or its reversal: the payable's sums from its payments, and the day it was paid in full (the latest
// day among the payments still standing; null while anything is owed). One statement, in the caller's transaction;
// the PaymentMonthly trigger follows the change. Mirrors lib/domain/payment.ts payableStage ("paid in full" = paid
// gross equals the BAST amount; the Payable_paid_day CHECK holds the two together).
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryOne } from "@/lib/db/sql/decode";
import { day, row, rupiah } from "@/lib/db/sql/columns";

const settlePayableRow = row({ paidGross: rupiah, paidNet: rupiah, paidOn: day.nullable(), amount: rupiah });

export async function settlePayable(
  tx: Tx,
  orderId: string,
): Promise<{ paidGross: number; paidNet: number; paidOn: Date | null; amount: number }> {
  const r = await queryOne(
    tx,
    "settlePayable",
    settlePayableRow,
    Prisma.sql`
    WITH s AS (
      SELECT COALESCE(sum(gross), 0)::bigint AS gross, COALESCE(sum("taxWithheld"), 0)::bigint AS tax,
             COALESCE(sum(net), 0)::bigint AS net,
             max("paidOn") FILTER (WHERE "reversesId" IS NULL
               AND NOT EXISTS (SELECT 1 FROM "Payment" r WHERE r."reversesId" = p.id)) AS last_day
      FROM "Payment" p WHERE p."orderId" = ${orderId}::uuid)
    UPDATE "Payable" SET "paidGross" = s.gross, "taxWithheld" = s.tax, "paidNet" = s.net,
           "paidOn" = CASE WHEN s.gross = "Payable".amount AND "Payable".amount > 0 THEN s.last_day END,
           version = version + 1
    FROM s WHERE "Payable"."orderId" = ${orderId}::uuid
    RETURNING "paidGross", "paidNet", "paidOn", amount`,
  );
  if (!r) throw new Error(`order ${orderId} has no payable`);
  return r;
}
