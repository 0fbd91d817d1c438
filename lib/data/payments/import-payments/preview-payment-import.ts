// An uploaded sheet of payments (from the bank's or SIPD's export) checked row by row: the report the treasurer reads
// before importing. Writes nothing.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/data/tx";
import type { ImportReport } from "@/lib/actions/import-state";
import { requireTreasurer, type PaymentActor } from "@/lib/data/payments/payable-access";
import { checkPaymentRows } from "@/lib/data/payments/import-payments/check-payment-rows";

export async function previewPaymentImport(
  db: Db,
  { clock, actor, rows }: { clock: Clock; actor: PaymentActor; rows: unknown },
): Promise<ImportReport & { total: number }> {
  if (actor.role !== "OPD_STAFF" || !actor.opdId) throw new AppError("FORBIDDEN");
  // Checked exactly as the commit checks (the same locks, briefly); the preview writes nothing.
  return inTransaction(db, async (tx) => {
    await requireTreasurer(tx, actor, { opdId: actor.opdId! });
    const { report, rows: ok } = await checkPaymentRows(tx, actor, rows, clock.now());
    return { ...report, total: ok.reduce((a, r) => a + r.input.gross, 0) };
  });
}
