// An uploaded sheet of vendors checked row by row (check-vendor-rows.ts): the report the admin reads
// before importing. Writes nothing.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type Actor } from "@/lib/data/audit";
import type { ImportReport } from "@/lib/actions/import-state";
import { checkVendorRows } from "@/lib/data/admin/vendor-import/check-vendor-rows";

export async function previewVendorImport(tx: Tx, opts: { actor: Actor; rows: unknown }): Promise<ImportReport> {
  const { actor, rows: raw } = opts;
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  return (await checkVendorRows(tx, raw)).report;
}
