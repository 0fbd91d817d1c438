// The years of purchases before the decree imported so far (rows, total, suppliers, when), for the admin's page.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";
import { instant, int, int8, row } from "@/lib/db/sql/columns";

export interface PriorYear {
  fiscalYear: number;
  rows: number;
  total: number;
  suppliers: number;
  importedAt: Date;
}

const listPriorYearsRow = row({ fiscalYear: int, rows: int8, total: int8, suppliers: int8, importedAt: instant });

/** The years imported so far, newest first. */
export async function listPriorYears(tx: Tx, opts: { actor: Actor }): Promise<PriorYear[]> {
  requireAdmin(opts.actor);
  const rows = await queryRows(
    tx,
    "listPriorYears",
    listPriorYearsRow,
    Prisma.sql`
    SELECT "fiscalYear", count(*) AS rows, sum(amount)::bigint AS total, count(DISTINCT "supplierKey") AS suppliers, max("importedAt") AS "importedAt"
    FROM "PriorPurchase" GROUP BY "fiscalYear" ORDER BY "fiscalYear" DESC`,
  );
  return rows.map((r) => ({
    fiscalYear: r.fiscalYear,
    rows: Number(r.rows),
    total: Number(r.total),
    suppliers: Number(r.suppliers),
    importedAt: r.importedAt,
  }));
}
