// The vendor import's files: the Excel template to fill in, and reading a filled one (Excel or CSV) back
// into rows of text keyed by field, each with its spreadsheet row number for the report.
import "server-only";
import ExcelJS from "exceljs";
import { readImportSheet, type SheetRow } from "@/lib/documents/import-sheet";
import { IMPORT_COLUMNS, type ImportField } from "@/lib/domain/vendor-import";

export { IMPORT_COLUMNS };

export type ImportRow = SheetRow<ImportField>;

export const MAX_IMPORT_ROWS = 2000;

export async function renderVendorTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  const ws = wb.addWorksheet("UMKM");
  ws.columns = IMPORT_COLUMNS.map(([header]) => ({ header, width: header === "Alamat" ? 36 : 18 }));
  ws.getRow(1).font = { bold: true };
  // Text cells, so leading zeros (WhatsApp 0812…) and long numbers (NIB) survive Excel.
  for (const col of [1, 4, 5, 9]) ws.getColumn(col).numFmt = "@";
  const help = wb.addWorksheet("Petunjuk");
  help.columns = [
    { header: "Kolom", width: 20 },
    { header: "Isi", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRows([
    ["Kode", "Wajib, unik: huruf besar, angka atau tanda hubung (mis. UMKM-24)."],
    ["Nama usaha, Nama pemilik", "Wajib, minimal 3 huruf."],
    ["NIB", "Opsional: 13 angka."],
    ["NPWP", "Opsional: 15 atau 16 angka (boleh bertitik)."],
    ["Alamat", "Wajib."],
    ["Kelurahan", "Wajib: salah satu dari 18 kelurahan Kota Mojokerto (mis. Wates)."],
    ["Kecamatan", "Opsional: bila diisi harus kecamatan kelurahan itu (Kranggan, Magersari atau Prajurit Kulon)."],
    ["WhatsApp", "Wajib, mis. 0812 3456 7890."],
    ["Email", "Opsional."],
    ["Kapasitas harian", "Wajib: porsi per hari, 1–5.000."],
    ["PP 55", "ya / tidak (surat keterangan PP 55/2022); kosong berarti tidak. Isi lain ditolak."],
    ["", "Satu baris per UMKM, mulai baris 2 lembar UMKM. Tidak ada yang disimpan bila satu baris saja salah."],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of an uploaded .xlsx or .csv; `error` when the file cannot be read at all. */
export function readVendorSheet(bytes: Buffer, fileName: string): Promise<{ rows: ImportRow[]; error?: string }> {
  return readImportSheet(bytes, fileName, {
    columns: IMPORT_COLUMNS,
    sheet: "UMKM",
    required: "code",
    maxRows: MAX_IMPORT_ROWS,
  });
}
