// Imports a sheet of vendors: checked again on the server (check-vendor-rows.ts), then every vendor
// created with its login in one transaction with the audit rows — or nothing written when any row is invalid.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { vm } from "@/lib/domain/validation-message";
import { checkVendorRows } from "@/lib/data/admin/vendor-import/check-vendor-rows";

/** Creates every row, or nothing: any invalid row (checked again here) refuses the whole import. */
export async function commitVendorImport(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; rows: unknown },
): Promise<{ created: number }> {
  const { clock, actor, rows: raw } = opts;
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  try {
    return await inTransaction(db, async (tx) => {
      const { report, inputs } = await checkVendorRows(tx, raw);
      if (report.invalid > 0)
        throw new AppError("VALIDATION", {
          issues: { file: [vm("import.rowsInvalid", { count: report.invalid })] },
          report,
        });
      await tx.vendor.createMany({ data: inputs.map((i) => ({ ...i, ekatalogStatus: "BELUM" as const })) });
      await writeAudit(tx, actor, {
        action: "vendor.imported",
        entity: "Vendor",
        after: { count: inputs.length, codes: inputs.map((i) => i.code), at: clock.now() },
      });
      return { created: inputs.length };
    });
  } catch (e) {
    // Another admin registered one of the codes meanwhile.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { code: [vm("vendor.codeTaken")] } });
    throw e;
  }
}
