// The public spread as a table, one row per UMKM — code, business name, orders, awarded and delivered value in
// whole rupiah, share of the period's awarded total — in three forms (issue 22):
// - CSV, one documented dialect: UTF-8 with a byte-order mark (so Excel reads the names right), CRLF line ends,
//   fields quoted only when they must be (RFC 4180); comma-separated with "." decimals, or — for Excel set to
//   Indonesian, whose list separator is ";" and decimal mark "," — semicolon-separated with "," decimals;
// - an Excel workbook: headers in Indonesian, numbers as numbers (rupiah and percent formats), a sheet saying
//   what the table is, its period, source and licence.
// Names and codes are typed by people: never let a spreadsheet read one as a formula (lib/documents/cell-text.ts).
import "server-only";
import ExcelJS from "exceljs";
import type { Spread } from "@/lib/data/dashboard/get-spread";
import { csvCell } from "@/lib/documents/cell-text";
import { formatDateTimeWIB } from "@/lib/format";

export const SPREAD_CSV_HEADER = [
  "kode_umkm",
  "nama_usaha",
  "jumlah_pesanan",
  "nilai_diterima_rp",
  "nilai_terealisasi_rp",
  "porsi_persen",
] as const;

/** The workbook's column headers, in Indonesian, in the same order. */
export const SPREAD_XLSX_HEADER = [
  "Kode UMKM",
  "Nama usaha",
  "Jumlah pesanan",
  "Nilai diterima (Rp)",
  "Nilai terealisasi (Rp)",
  "Porsi dari total diterima",
] as const;

export type CsvDialect = "comma" | "semicolon";

/** A UMKM's share of the period's awarded total, as a percentage with two decimals. */
function sharePercent(s: Spread, awarded: number): number {
  return s.awarded > 0 ? Math.round((awarded / s.awarded) * 10_000) / 100 : 0;
}

export async function renderSpreadCsv(s: Spread, dialect: CsvDialect = "comma"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sebaran");
  ws.addRow([...SPREAD_CSV_HEADER]);
  for (const v of s.vendors) {
    const share = sharePercent(s, v.awarded);
    ws.addRow(
      [
        v.code,
        v.name,
        v.orders,
        v.awarded,
        v.delivered,
        dialect === "semicolon" ? String(share).replace(".", ",") : share,
      ].map(csvCell),
    );
  }
  const csv = await wb.csv.writeBuffer({
    formatterOptions: { writeBOM: true, delimiter: dialect === "semicolon" ? ";" : ",", rowDelimiter: "\r\n" },
  });
  return Buffer.from(csv as ArrayBuffer);
}

export async function renderSpreadXlsx(
  s: Spread,
  meta: { scope: string; generatedAt: Date; policyUrl: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  wb.created = meta.generatedAt;
  const ws = wb.addWorksheet("Sebaran", { views: [{ state: "frozen", ySplit: 1 }] });
  const rupiah = '"Rp"#,##0';
  ws.columns = [
    { header: SPREAD_XLSX_HEADER[0], key: "code", width: 14 },
    { header: SPREAD_XLSX_HEADER[1], key: "name", width: 36 },
    { header: SPREAD_XLSX_HEADER[2], key: "orders", width: 16, style: { numFmt: "#,##0" } },
    { header: SPREAD_XLSX_HEADER[3], key: "awarded", width: 22, style: { numFmt: rupiah } },
    { header: SPREAD_XLSX_HEADER[4], key: "delivered", width: 22, style: { numFmt: rupiah } },
    { header: SPREAD_XLSX_HEADER[5], key: "share", width: 24, style: { numFmt: "0.00%" } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const v of s.vendors) {
    ws.addRow({
      code: csvCell(v.code),
      name: csvCell(v.name),
      orders: v.orders,
      awarded: v.awarded,
      delivered: v.delivered,
      share: sharePercent(s, v.awarded) / 100,
    });
  }
  const about = wb.addWorksheet("Keterangan");
  about.columns = [
    { header: "Keterangan", key: "k", width: 28 },
    { header: "Isi", key: "v", width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRows([
    { k: "Judul", v: "Sebaran belanja mamin per UMKM — Mamin Merata, Kota Mojokerto" },
    { k: "Cakupan", v: meta.scope },
    { k: "Periode (tanggal antar)", v: `${s.period.from} s.d. ${s.period.to}` },
    { k: "Dibuat", v: formatDateTimeWIB(meta.generatedAt) },
    { k: "Nilai diterima", v: "Pesanan yang diterima UMKM (terkirim, belum dikirim, atau gagal kirim)." },
    { k: "Nilai terealisasi", v: "Pesanan yang sudah diterima OPD (BAST)." },
    { k: "Lisensi", v: "CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/" },
    { k: "Kebijakan publikasi", v: meta.policyUrl },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
