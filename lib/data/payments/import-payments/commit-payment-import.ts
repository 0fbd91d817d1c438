// Imports a sheet of payments: checked again on the server, then every payment recorded in one transaction with
// its audit row — or nothing written when any row is invalid.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { requireTreasurer, type PaymentActor } from "@/lib/data/payments/payable-access";
import { recordPaymentInTx } from "@/lib/data/payments/record-payment";
import { vm } from "@/lib/domain/validation-message";
import { checkPaymentRows } from "@/lib/data/payments/import-payments/check-payment-rows";

/** Records every row's payment, or none (any invalid row refuses all). */
export async function commitPaymentImport(
  db: Db,
  { clock, actor, rows: raw }: { clock: Clock; actor: PaymentActor; rows: unknown },
): Promise<{ created: number; total: number }> {
  if (actor.role !== "OPD_STAFF" || !actor.opdId) throw new AppError("FORBIDDEN");
  return inTransaction(db, async (tx) => {
    await requireTreasurer(tx, actor, { opdId: actor.opdId! });
    const now = clock.now();
    const { report, rows, payables } = await checkPaymentRows(tx, actor, raw, now);
    if (report.invalid > 0)
      throw new AppError("VALIDATION", {
        issues: { file: [vm("import.rowsInvalid", { count: report.invalid })] },
        report,
      });
    for (const r of rows) {
      await recordPaymentInTx(tx, { now, actor, payable: payables.get(r.orderId)!, input: r.input, via: "import" });
    }
    const total = rows.reduce((a, r) => a + r.input.gross, 0);
    await writeAudit(tx, actor, {
      action: "payments.imported",
      entity: "Opd",
      entityId: actor.opdId,
      after: { payments: rows.length, gross: total, orders: new Set(rows.map((r) => r.orderId)).size },
    });
    return { created: rows.length, total };
  });
}
