// Reading an uploaded spreadsheet for an import (Excel .xlsx, or .csv with , or ;) into rows of text keyed by
// field, each with its spreadsheet row number for the row-by-row report. Dates come back as YYYY-MM-DD and
// numbers as plain digits, whatever the cell's display format.
import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { vm } from "@/lib/domain/validation-message";

export type SheetRow<F extends string> = { row: number } & Partial<Record<F, string>>;

export interface SheetSpec<F extends string> {
  /** Column headers in template order, each with the field it feeds (a header also matches its field name). */
  columns: readonly (readonly [string, F])[];
  /** The worksheet to read in a workbook (else the first). */
  sheet: string;
  /** A column the header row must have, named in the error when it is missing. */
  required: F;
  maxRows: number;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return String(v);
  return String(cell.text ?? "").trim();
}

export async function readImportSheet<F extends string>(
  bytes: Buffer,
  fileName: string,
  spec: SheetSpec<F>,
): Promise<{ rows: SheetRow<F>[]; error?: string }> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  try {
    if (/\.csv$/i.test(fileName)) {
      ws = await wb.csv.read(Readable.from(bytes), {
        parserOptions: { delimiter: bytes.includes(";") && !bytes.includes(",") ? ";" : "," },
      });
    } else {
      await wb.xlsx.load(new Uint8Array(bytes).buffer);
      ws = wb.getWorksheet(spec.sheet) ?? wb.worksheets[0];
    }
  } catch {
    return { rows: [], error: vm("import.unreadable") };
  }
  if (!ws) return { rows: [], error: vm("import.noWorksheet") };
  const keys = new Map<number, F>();
  ws.getRow(1).eachCell((cell, col) => {
    const norm = String(cell.text ?? "")
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ");
    const hit = spec.columns.find(([h, f]) => h.toLowerCase() === norm || f.toLowerCase() === norm);
    if (hit) keys.set(col, hit[1]);
  });
  if (![...keys.values()].includes(spec.required)) {
    const headers = spec.columns.map(([h]) => h).join(", ");
    return { rows: [], error: vm("import.headerRow", { headers }) };
  }
  const rows: SheetRow<F>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const out = { row: r } as SheetRow<F>;
    let any = false;
    for (const [col, key] of keys) {
      const text = cellText(row.getCell(col));
      if (text) any = true;
      (out as Record<string, unknown>)[key] = text;
    }
    if (any) rows.push(out);
    if (rows.length > spec.maxRows) return { rows: [], error: vm("import.tooManyRows", { max: spec.maxRows }) };
  }
  return { rows };
}
