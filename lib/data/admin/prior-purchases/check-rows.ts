// The check every prior-purchase import runs, for its preview and again for its commit (nothing is trusted from the
// page): each sheet row read as people type it (OPD by code or name, a supplier, a date, rupiah), a row-by-row report
// in the users' words, and the one fiscal year the file is about (the year most rows are dated in; a row dated in
// another year is an error on its row).
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ImportReport, ImportReportRow } from "@/lib/actions/import-state";
import { parseDay, parseImportedRupiah } from "@/lib/domain/indonesian-input";
import { vm } from "@/lib/domain/validation-message";

const rowsSchema = z
  .object({ row: z.number().int().min(1) })
  .catchall(z.string().max(1000))
  .array()
  .max(20_000);

export interface CheckedRow {
  opdId: string;
  supplierName: string;
  purchasedOn: string;
  amount: number;
}

export async function checkPriorRows(
  tx: Tx,
  raw: unknown,
): Promise<{ report: ImportReport; rows: CheckedRow[]; year: number | null }> {
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
    const amount = parseImportedRupiah(String(r.amount ?? ""));
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
