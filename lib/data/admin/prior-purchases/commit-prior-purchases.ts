// Imports a year's purchases before the decree: the sheet checked again on the server, then that year's rows replaced
// by the file's in one transaction with one audit row — or nothing written when any row is invalid.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { requireAdmin } from "@/lib/data/authorise";
import { checkPriorRows } from "@/lib/data/admin/prior-purchases/check-rows";
import { dayAsDate } from "@/lib/format";
import { supplierKey } from "@/lib/domain/prior-purchase";
import { vm } from "@/lib/domain/validation-message";

/** Replaces the year's purchases with the file's, or writes nothing (any invalid row refuses all). */
export async function commitPriorPurchases(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; rows: unknown },
): Promise<{ created: number; year: number; replaced: number }> {
  const { clock, actor } = opts;
  requireAdmin(actor);
  return inTransaction(db, async (tx) => {
    const { report, rows, year } = await checkPriorRows(tx, opts.rows);
    if (report.invalid > 0 || !year)
      throw new AppError("VALIDATION", {
        issues: { file: [vm("import.rowsInvalid", { count: report.invalid })] },
        report,
      });
    // One import per year at a time: the year's rows are replaced under this lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('prior-purchases'), ${year})`;
    const { count: replaced } = await tx.priorPurchase.deleteMany({ where: { fiscalYear: year } });
    await tx.priorPurchase.createMany({
      data: rows.map((r) => ({
        fiscalYear: year,
        opdId: r.opdId,
        supplierName: r.supplierName,
        supplierKey: supplierKey(r.supplierName),
        purchasedOn: dayAsDate(r.purchasedOn),
        amount: BigInt(r.amount),
        importedAt: clock.now(),
        importedById: actor.id,
      })),
    });
    await writeAudit(tx, actor, {
      action: "priorPurchases.imported",
      entity: "PriorPurchase",
      entityId: String(year),
      before: { rows: replaced },
      after: { rows: rows.length, total: rows.reduce((s, r) => s + r.amount, 0) },
    });
    return { created: rows.length, year, replaced };
  });
}
