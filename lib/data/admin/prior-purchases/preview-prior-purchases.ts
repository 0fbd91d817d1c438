// An uploaded sheet of a year's purchases before the decree, checked row by row: the report the admin reads before
// importing, with the year it is about and how many rows of that year it would replace. Writes nothing.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import type { ImportReport } from "@/lib/actions/import-state";
import { requireAdmin } from "@/lib/data/authorise";
import { checkPriorRows } from "@/lib/data/admin/prior-purchases/check-rows";

export async function previewPriorPurchases(
  tx: Tx,
  opts: { actor: Actor; rows: unknown },
): Promise<ImportReport & { year: number | null; replaces: number }> {
  requireAdmin(opts.actor);
  const { report, year } = await checkPriorRows(tx, opts.rows);
  const replaces = year ? await tx.priorPurchase.count({ where: { fiscalYear: year } }) : 0;
  return { ...report, year, replaces };
}
