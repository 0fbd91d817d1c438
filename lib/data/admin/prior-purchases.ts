// The mamin purchases of a year before the decree, imported from Excel so the dashboard can set the
// concentration before the decree beside the spread after it. Rows: OPD (code or name), supplier, date,
// amount. Every row is checked (a row-by-row report); an import writes nothing unless every row is valid,
// and then replaces that year's rows in one transaction with one audit row.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import type { ImportReport, ImportReportRow } from "@/lib/actions/import-state";
import { dayAsDate } from "@/lib/format";
import { parseDay } from "@/lib/domain/indonesian-input";
import { distributionOf, readGini, type Distribution, type EvennessReading } from "@/lib/domain/fairness";
import { vm } from "@/lib/domain/validation-message";

const rowsSchema = z
  .object({ row: z.number().int().min(1) })
  .catchall(z.string().max(1000))
  .array()
  .max(20_000);

/** "Nama  Pemasok, CV" → "nama pemasok, cv": purchases from one supplier add up however it was typed. */
export function supplierKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

export { parseDay };

/** Rupiah as typed: 1250000, 1.250.000, Rp 1.250.000, 1,250,000 — whole rupiah, above zero. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?\s*/i, "").replace(/[.,\s](?=\d{3}(\D|$))/g, "");
  if (!/^\d{1,15}$/.test(digits)) return null;
  const n = Number(digits);
  return n > 0 ? n : null;
}

interface CheckedRow {
  opdId: string;
  supplierName: string;
  purchasedOn: string;
  amount: number;
}

async function check(tx: Tx, raw: unknown): Promise<{ report: ImportReport; rows: CheckedRow[]; year: number | null }> {
  const parsed = rowsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", { issues: { file: [vm("import.unknownData")] } });
  if (parsed.data.length === 0) throw new AppError("VALIDATION", { issues: { file: [vm("import.noRows")] } });
  const opds = await tx.opd.findMany({ select: { id: true, code: true, name: true } });
  const byKey = new Map<string, { id: string; code: string }>();
  for (const o of opds) {
    byKey.set(o.code.toLowerCase(), o);
    byKey.set(o.name.trim().toLowerCase(), o);
  }
  const report: ImportReportRow[] = [];
  const rows: CheckedRow[] = [];
  const years = new Map<number, number>(); // year → rows dated in it
  for (const r of parsed.data) {
    const errors: string[] = [];
    const opdText = String(r.opd ?? "").trim();
    const opd = byKey.get(opdText.toLowerCase());
    if (!opdText) errors.push(`OPD: ${vm("import.required")}`);
    else if (!opd) errors.push(`OPD: ${vm("import.unknownOpd", { value: opdText })}`);
    const supplier = String(r.supplier ?? "").trim();
    if (supplier.length < 2) errors.push(`Pemasok: ${vm("import.required")}`);
    if (supplier.length > 200) errors.push(`Pemasok: ${vm("import.tooLong", { max: 200 })}`);
    const day = parseDay(String(r.date ?? ""));
    if (!day) errors.push(`Tanggal: ${vm("import.day", { example: "2025-03-31", exampleLocal: "31/03/2025" })}`);
    const amount = parseRupiah(String(r.amount ?? ""));
    if (amount === null) errors.push(`Nilai: ${vm("import.amount")}`);
    if (day) years.set(Number(day.slice(0, 4)), (years.get(Number(day.slice(0, 4))) ?? 0) + 1);
    report.push({ row: r.row, code: opd?.code ?? opdText, name: supplier, errors });
    if (errors.length === 0) rows.push({ opdId: opd!.id, supplierName: supplier, purchasedOn: day!, amount: amount! });
  }
  // One import is one fiscal year (the one most rows are dated in): a date in another year is an error on its row.
  const year = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  if (years.size > 1) {
    for (const r of report) {
      const d = parseDay(String(parsed.data.find((x) => x.row === r.row)?.date ?? ""));
      if (d && Number(d.slice(0, 4)) !== year)
        r.errors.push(`Tanggal: ${vm("import.oneYear", { year: String(year) })}`);
    }
  }
  const invalid = report.filter((r) => r.errors.length > 0).length;
  return { report: { rows: report, valid: report.length - invalid, invalid }, rows, year };
}

export async function previewPriorPurchases(
  tx: Tx,
  actor: Actor,
  raw: unknown,
): Promise<ImportReport & { year: number | null; replaces: number }> {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const { report, year } = await check(tx, raw);
  const replaces = year ? await tx.priorPurchase.count({ where: { fiscalYear: year } }) : 0;
  return { ...report, year, replaces };
}

/** Replaces the year's purchases with the file's, or writes nothing (any invalid row refuses all). */
export async function commitPriorPurchases(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string },
  raw: unknown,
): Promise<{ created: number; year: number; replaced: number }> {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  return inTransaction(db, async (tx) => {
    const { report, rows, year } = await check(tx, raw);
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

export interface PriorYear {
  fiscalYear: number;
  rows: number;
  total: number;
  suppliers: number;
  importedAt: Date;
}

/** The years imported so far, newest first. */
export async function listPriorYears(tx: Tx): Promise<PriorYear[]> {
  const rows = await tx.$queryRaw<
    { fiscalYear: number; rows: bigint; total: bigint; suppliers: bigint; importedAt: Date }[]
  >`
    SELECT "fiscalYear", count(*) AS rows, sum(amount)::bigint AS total, count(DISTINCT "supplierKey") AS suppliers, max("importedAt") AS "importedAt"
    FROM "PriorPurchase" GROUP BY "fiscalYear" ORDER BY "fiscalYear" DESC`;
  return rows.map((r) => ({
    fiscalYear: r.fiscalYear,
    rows: Number(r.rows),
    total: Number(r.total),
    suppliers: Number(r.suppliers),
    importedAt: r.importedAt,
  }));
}

export interface BeforeDecree {
  fiscalYear: number;
  total: number;
  distribution: Distribution;
  reading: EvennessReading;
  top: { name: string; value: number }[];
}

/**
 * The concentration of the latest imported year before `beforeYear` (city-wide or one OPD): the value per
 * supplier, measured with the same metrics as the spread after the decree. Null when nothing was imported.
 */
export async function getBeforeDecree(tx: Tx, beforeYear: number, opdId: string | null): Promise<BeforeDecree | null> {
  const latest = await tx.priorPurchase.findFirst({
    where: { fiscalYear: { lt: beforeYear } },
    orderBy: { fiscalYear: "desc" },
    select: { fiscalYear: true },
  });
  if (!latest) return null;
  const groups = await tx.priorPurchase.groupBy({
    by: ["supplierKey"],
    where: { fiscalYear: latest.fiscalYear, ...(opdId ? { opdId } : {}) },
    _sum: { amount: true },
    _min: { supplierName: true },
  });
  const rows = groups
    .map((g) => ({ name: g._min.supplierName ?? g.supplierKey, value: Number(g._sum.amount ?? 0) }))
    .sort((a, b) => b.value - a.value);
  const distribution = distributionOf(rows.map((r) => r.value));
  return {
    fiscalYear: latest.fiscalYear,
    total: distribution.total,
    distribution,
    reading: readGini(distribution.gini),
    top: rows.slice(0, 5),
  };
}
