// The previous year's purchases import: the Excel template to fill in and reading a filled one back.
import "server-only";
import ExcelJS from "exceljs";
import { readImportSheet, type SheetRow } from "@/lib/documents/import-sheet";

export const PRIOR_COLUMNS = [
  ["OPD", "opd"],
  ["Pemasok", "supplier"],
  ["Tanggal", "date"],
  ["Nilai (Rp)", "amount"],
] as const;
export type PriorField = (typeof PRIOR_COLUMNS)[number][1];

export const MAX_PRIOR_ROWS = 20_000;

export async function renderPriorTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  const ws = wb.addWorksheet("Pembelian");
  ws.columns = PRIOR_COLUMNS.map(([header]) => ({ header, width: header === "Pemasok" ? 36 : 20 }));
  ws.getRow(1).font = { bold: true };
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  ws.getColumn(4).numFmt = "#,##0";
  const help = wb.addWorksheet("Petunjuk");
  help.columns = [
    { header: "Kolom", width: 16 },
    { header: "Isi", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRows([
    ["OPD", "Kode atau nama OPD seperti terdaftar di Mamin Merata (mis. DISKOMINFO)."],
    ["Pemasok", "Nama penyedia mamin seperti di SPJ/kuitansi; ejaan yang sama dijumlahkan jadi satu pemasok."],
    ["Tanggal", "Tanggal pembelian: 2025-03-31 atau 31/03/2025. Satu impor untuk satu tahun anggaran."],
    ["Nilai (Rp)", "Rupiah bulat, mis. 1250000 atau 1.250.000."],
    [
      "",
      "Satu baris per pembelian. Impor menggantikan data tahun itu; tidak ada yang disimpan bila satu baris saja salah.",
    ],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function readPriorSheet(
  bytes: Buffer,
  fileName: string,
): Promise<{ rows: SheetRow<PriorField>[]; error?: string }> {
  return readImportSheet(bytes, fileName, {
    columns: PRIOR_COLUMNS,
    sheet: "Pembelian",
    required: "supplier",
    maxRows: MAX_PRIOR_ROWS,
  });
}
