// The public spread as CSV (exceljs's writer: quoting, and a UTF-8 byte-order mark so Excel reads the names
// right): a header row, then one row per UMKM — code, business name, orders, awarded and delivered value in
// whole rupiah, share of the period's awarded total in percent.
import "server-only";
import ExcelJS from "exceljs";
import type { Spread } from "@/lib/data/dashboard/get-spread";
import { csvCell } from "@/lib/documents/cell-text";

export const SPREAD_CSV_HEADER = [
  "kode_umkm",
  "nama_usaha",
  "jumlah_pesanan",
  "nilai_diterima_rp",
  "nilai_terealisasi_rp",
  "porsi_persen",
] as const;

export async function renderSpreadCsv(s: Spread): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sebaran");
  ws.addRow([...SPREAD_CSV_HEADER]);
  for (const v of s.vendors) {
    const share = s.awarded > 0 ? Math.round((v.awarded / s.awarded) * 10_000) / 100 : 0;
    // Names and codes are typed by people: never let a spreadsheet read one as a formula (lib/documents/cell-text.ts).
    ws.addRow([v.code, v.name, v.orders, v.awarded, v.delivered, share].map(csvCell));
  }
  const csv = await wb.csv.writeBuffer({ formatterOptions: { writeBOM: true } });
  return Buffer.from(csv as ArrayBuffer);
}
