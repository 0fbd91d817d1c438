// The OPD's orders as an Excel workbook for its accountability file (SPJ). Amounts are real numbers
// formatted as rupiah, times are WIB wall-clock, totals are formulas Excel recalculates: delivered (terealisasi) and
// accepted-not-yet-delivered apart, nothing else added in; for delivered orders, what was paid and when.
import "server-only";
import ExcelJS from "exceljs";
import id from "@/messages/id.json";
import { formatDateTimeWIB } from "@/lib/format";
import type { ExportRow } from "@/lib/data/orders/export-opd-orders";

const TAX_LABEL = { PP55: "PP 55/2022 (final)", PPH23: "PPh 23", PPH23_NO_NPWP: "PPh 23 tanpa NPWP" } as const;
const RUPIAH = '"Rp"#,##0';
const WIB_OFFSET_MS = 7 * 3600_000;

/** Excel has no time zones: write the WIB wall-clock time as the cell's value. */
const wibCell = (d: Date) => new Date(d.getTime() + WIB_OFFSET_MS);

export async function renderOrdersXlsx(
  opdName: string,
  rows: ExportRow[],
  generatedAt: Date,
  filterSummary: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  wb.created = generatedAt;
  const ws = wb.addWorksheet("Pesanan", { views: [{ state: "frozen", ySplit: 4 }] });
  const columns: { header: string; key: string; width: number; fmt?: string }[] = [
    { header: "No", key: "no", width: 5 },
    { header: "Nomor pesanan", key: "number", width: 20 },
    { header: "Waktu kirim (WIB)", key: "deliveryAt", width: 18, fmt: "dd/mm/yyyy hh:mm" },
    { header: "Kegiatan", key: "eventName", width: 34 },
    { header: "Tempat", key: "place", width: 26 },
    { header: "Status", key: "status", width: 14 },
    { header: "Kategori", key: "category", width: 18 },
    { header: "Kode rekening", key: "accountCode", width: 22 },
    { header: "Nama rekening", key: "accountName", width: 34 },
    { header: "Metode pengadaan", key: "method", width: 22 },
    { header: "UMKM", key: "vendorName", width: 28 },
    { header: "NPWP", key: "vendorNpwp", width: 22 },
    { header: "Porsi", key: "pax", width: 8, fmt: "#,##0" },
    { header: "Harga satuan", key: "unitPrice", width: 14, fmt: RUPIAH },
    { header: "Nilai", key: "total", width: 16, fmt: RUPIAH },
    { header: "Dasar pajak", key: "taxBasis", width: 20 },
    { header: "Tarif", key: "taxRate", width: 8, fmt: "0.0%" },
    { header: "Pajak dipotong (estimasi)", key: "taxAmount", width: 16, fmt: RUPIAH },
    { header: "Nilai bersih", key: "net", width: 16, fmt: RUPIAH },
    { header: "Porsi diterima", key: "quantityReceived", width: 10, fmt: "#,##0" },
    { header: "Terlambat (menit)", key: "lateMinutes", width: 10, fmt: "#,##0" },
    { header: "Nilai layanan (1-5)", key: "rating", width: 10 },
    // Where the money stands (issue 20): as the treasurer recorded it.
    { header: "Tahap pembayaran", key: "payStage", width: 22 },
    { header: "Dibayar (bruto)", key: "paidGross", width: 16, fmt: RUPIAH },
    { header: "Pajak dipotong (dicatat)", key: "paidTax", width: 16, fmt: RUPIAH },
    { header: "Diterima UMKM (bersih)", key: "paidNet", width: 16, fmt: RUPIAH },
    { header: "Tanggal lunas", key: "paidOn", width: 14, fmt: "dd/mm/yyyy" },
    { header: "Hari BAST → lunas", key: "daysFromBast", width: 10, fmt: "#,##0" },
  ];
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: c.fmt ? { numFmt: c.fmt } : {} }));
  ws.getCell("A1").value = `Daftar pesanan mamin — ${opdName}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Diunduh ${formatDateTimeWIB(generatedAt)} dari Mamin Merata. ${filterSummary}`;
  ws.getCell("A2").font = { italic: true, size: 9 };
  ws.getCell("A3").value =
    "Pajak dipotong adalah perkiraan: PPh 23 2% (4% tanpa NPWP); UMKM bersertifikat PP 55/2022 0,5% final.";
  ws.getCell("A3").font = { italic: true, size: 9 };
  const header = ws.getRow(4);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
  });
  rows.forEach((r, i) => {
    ws.addRow({
      no: i + 1,
      number: r.number,
      deliveryAt: wibCell(r.deliveryAt),
      eventName: r.eventName,
      place: r.place,
      status: id.status.order[r.status],
      category: id.status.category[r.category],
      accountCode: r.accountCode,
      accountName: r.accountName,
      method: id.orderForm.methods[r.method],
      vendorName: r.vendorName ?? "",
      vendorNpwp: r.vendorNpwp ?? "",
      pax: r.pax,
      unitPrice: r.unitPrice,
      total: r.total,
      taxBasis: r.tax ? TAX_LABEL[r.tax.basis] : "",
      taxRate: r.tax ? r.tax.rate : null,
      taxAmount: r.tax ? r.tax.amount : null,
      net: r.tax ? r.total - r.tax.amount : null,
      quantityReceived: r.quantityReceived,
      lateMinutes: r.lateMinutes,
      rating: r.rating,
      payStage: r.payment ? id.payments.stage[r.payment.stage] : "",
      paidGross: r.payment?.paidGross ?? null,
      paidTax: r.payment?.taxWithheld ?? null,
      paidNet: r.payment?.paidNet ?? null,
      paidOn: r.payment?.paidOn ?? null,
      daysFromBast: r.payment?.daysFromBast ?? null,
    });
  });
  const first = 5;
  const last = 4 + rows.length;
  if (rows.length > 0) {
    // Delivered and committed apart (issue 18): what the OPD received (terealisasi, the SPJ's figure) and what UMKM
    // accepted but have not delivered yet; cancelled, failed and waiting orders are listed but never added in.
    // SUMIF formulas Excel recalculates, over the status column, with their results written in for readers that
    // do not calculate.
    const range = (col: string) => `${col}${first}:${col}${last}`;
    const totalBy = (label: string, status: ExportRow["status"]) => {
      const mine = rows.filter((r) => r.status === status);
      const totalRow = ws.addRow({ eventName: label });
      totalRow.font = { bold: true };
      const statusText = id.status.order[status];
      const sumIf = (col: string, result: number) => ({
        formula: `SUMIF(${range("F")},"${statusText}",${range(col)})`,
        result,
      });
      totalRow.getCell("pax").value = sumIf(
        "M",
        mine.reduce((a, r) => a + r.pax, 0),
      );
      totalRow.getCell("total").value = sumIf(
        "O",
        mine.reduce((a, r) => a + r.total, 0),
      );
      totalRow.getCell("taxAmount").value = sumIf(
        "R",
        mine.reduce((a, r) => a + (r.tax?.amount ?? 0), 0),
      );
      totalRow.getCell("net").value = sumIf(
        "S",
        mine.reduce((a, r) => a + (r.tax ? r.total - r.tax.amount : 0), 0),
      );
      totalRow.getCell("paidGross").value = sumIf(
        "X",
        mine.reduce((a, r) => a + (r.payment?.paidGross ?? 0), 0),
      );
      totalRow.getCell("paidNet").value = sumIf(
        "Z",
        mine.reduce((a, r) => a + (r.payment?.paidNet ?? 0), 0),
      );
    };
    totalBy("Jumlah terealisasi (sudah diterima OPD)", "DELIVERED");
    totalBy("Jumlah belum terealisasi (diterima UMKM, belum diantar)", "ACCEPTED");
    ws.addRow({ eventName: "Pesanan berstatus lain (dibatalkan, gagal, menunggu UMKM) tidak dijumlahkan." }).font = {
      italic: true,
      size: 9,
    };
    ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: last, column: columns.length } };
  } else {
    ws.addRow({ eventName: "Tidak ada pesanan yang cocok dengan filter." });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
