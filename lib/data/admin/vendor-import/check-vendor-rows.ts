// The check every vendor import runs, for its preview and again for its commit: every row read with the same schema
// as the vendor form, duplicates caught within the file and against the registry, and a row-by-row report.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { vendorSchema, type VendorInput } from "@/lib/validation/admin-vendor";
import { importColumnOf, readYesNo } from "@/lib/domain/vendor-import";

import type { ImportReport, ImportReportRow } from "@/lib/actions/import-state";
import { vm } from "@/lib/domain/validation-message";
import { issueMessage } from "@/lib/validation/parse";

const rowSchema = z
  .object({ row: z.number().int().min(1) })
  .catchall(z.string().max(1000))
  .array()
  .max(5000);

/** A row as the vendor form's input, and what its yes/no column could not be read as (lib/domain/vendor-import.ts). */
function toInput(r: Record<string, unknown>): { input: Record<string, unknown>; errors: string[] } {
  const { row: _row, hasPp55, ...rest } = r;
  const pp55 = readYesNo(hasPp55);
  const errors =
    pp55 === null ? [`${importColumnOf("hasPp55")}: ${vm("import.yesNo", { value: String(hasPp55).trim() })}`] : [];
  return { input: { ...rest, hasPp55: pp55 ?? false }, errors };
}

export async function checkVendorRows(tx: Tx, raw: unknown): Promise<{ report: ImportReport; inputs: VendorInput[] }> {
  const parsedRows = rowSchema.safeParse(raw);
  if (!parsedRows.success) throw new AppError("VALIDATION", { issues: { file: [vm("import.unknownData")] } });
  const rows = parsedRows.data;
  const inputs: VendorInput[] = [];
  const report: ImportReportRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const { input, errors } = toInput(r);
    const parsed = vendorSchema.safeParse(input);
    // Each problem under the column people filled, in their words ("Kapasitas harian: …").
    if (!parsed.success)
      errors.push(
        ...parsed.error.issues.map((i) =>
          i.path[0] === undefined ? issueMessage(i) : `${importColumnOf(String(i.path[0]))}: ${issueMessage(i)}`,
        ),
      );
    const code = parsed.success ? parsed.data.code : String(r.code ?? "").toUpperCase();
    if (code && seen.has(code))
      errors.push(`${importColumnOf("code")}: ${vm("import.sameAsRow", { row: seen.get(code)! })}`);
    else if (code) seen.set(code, r.row);
    if (parsed.success && errors.length === 0) inputs.push(parsed.data);
    report.push({ row: r.row, code, name: String(r.name ?? ""), errors });
  }
  const taken = new Set(
    (await tx.vendor.findMany({ where: { code: { in: [...seen.keys()] } }, select: { code: true } })).map(
      (v) => v.code,
    ),
  );
  for (const r of report)
    if (taken.has(r.code)) r.errors.push(`${importColumnOf("code")}: ${vm("import.alreadyRegistered")}`);
  if (rows.length === 0) throw new AppError("VALIDATION", { issues: { file: [vm("import.noRows")] } });
  const invalid = report.filter((r) => r.errors.length > 0).length;
  return { report: { rows: report, valid: report.length - invalid, invalid }, inputs };
}
