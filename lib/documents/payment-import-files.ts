// The treasurer's payments import (issue 20): the Excel template to fill in and reading a filled one back.
import "server-only";
import ExcelJS from "exceljs";
import { readImportSheet, type SheetRow } from "@/lib/documents/import-sheet";
import { MAX_PAYMENT_ROWS } from "@/lib/data/payments/import-payments/check-payment-rows";

export const PAYMENT_COLUMNS = [
  ["Nomor pesanan", "order"],
  ["Tanggal bayar", "date"],
  ["Cara bayar", "method"],
  ["Nomor referensi", "reference"],
  ["Jumlah (Rp)", "amount"],
  ["Pajak dipotong (Rp)", "tax"],
  ["Catatan", "note"],
] as const;
export type PaymentField = (typeof PAYMENT_COLUMNS)[number][1];

export async function renderPaymentTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  const ws = wb.addWorksheet("Pembayaran");
  ws.columns = PAYMENT_COLUMNS.map(([header]) => ({ header, width: header === "Catatan" ? 36 : 22 }));
  ws.getRow(1).font = { bold: true };
  ws.getColumn(2).numFmt = "yyyy-mm-dd";
  ws.getColumn(5).numFmt = "#,##0";
  ws.getColumn(6).numFmt = "#,##0";
  const help = wb.addWorksheet("Petunjuk");
  help.columns = [
    { header: "Kolom", width: 22 },
    { header: "Isi", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRows([
    ["Nomor pesanan", "Nomor pesanan Mamin Merata (mis. MM-2026-000250), pesanan OPD Anda yang sudah BAST."],
    ["Tanggal bayar", "2026-06-20 atau 20/06/2026; tidak sebelum BAST dan tidak setelah hari ini."],
    ["Cara bayar", "UP/GU, KKPD atau LS."],
    ["Nomor referensi", "Nomor SP2D (LS) atau slip KKPD: wajib untuk LS dan KKPD."],
    ["Jumlah (Rp)", "Yang dibayar sebelum pajak (bruto), rupiah bulat, mis. 1.250.000. Boleh sebagian."],
    ["Pajak dipotong (Rp)", "Kosongkan untuk memakai tarif sesuai status pajak UMKM (PP 55 0,5%, PPh 23 2%/4%)."],
    ["Catatan", "Opsional."],
    [
      "",
      "Satu baris per pembayaran. Tidak ada yang disimpan bila satu baris saja salah; laporan menyebut baris dan alasannya.",
    ],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function readPaymentSheet(
  bytes: Buffer,
  fileName: string,
): Promise<{ rows: SheetRow<PaymentField>[]; error?: string }> {
  return readImportSheet(bytes, fileName, {
    columns: PAYMENT_COLUMNS,
    sheet: "Pembayaran",
    required: "order",
    maxRows: MAX_PAYMENT_ROWS,
  });
}
