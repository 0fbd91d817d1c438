// The dashboard as a workbook: one sheet per view (summary, value per UMKM, UMKM with no order, Lorenz curve,
// monthly trend, budget absorption, escalations per month and per OPD, sanctions in force, days to pay per month and
// per OPD with the overdue deliveries), numbers as numbers so
// Excel can chart and sum them.
import "server-only";
import ExcelJS from "exceljs";
import { formatDateTimeWIB } from "@/lib/format";
import type { Dashboard } from "@/lib/data/dashboard/get-dashboard";

const RUPIAH = '"Rp"#,##0';

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: { header: string; key: string; width: number; fmt?: string }[],
) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.fmt ? { numFmt: c.fmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

export async function renderDashboardXlsx(d: Dashboard, scopeLabel: string, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  wb.created = generatedAt;
  const s = d.spread;
  const summary = sheet(wb, "Ringkasan", [
    { header: "Ukuran", key: "k", width: 40 },
    { header: "Nilai", key: "v", width: 24 },
  ]);
  summary.addRows([
    { k: "Cakupan", v: scopeLabel },
    { k: "Periode", v: `${s.period.from} s.d. ${s.period.to}` },
    { k: "Belanja terealisasi (Rp)", v: s.delivered },
    { k: "Nilai diterima UMKM (Rp)", v: s.awarded },
    { k: "UMKM dalam cakupan", v: s.distribution.vendors },
    { k: "UMKM tanpa pesanan", v: s.distribution.zero.count },
    { k: "Gini", v: s.distribution.gini },
    { k: "HHI", v: s.distribution.hhi },
    { k: "Porsi 3 UMKM teratas", v: s.distribution.top3Share },
    { k: "Bacaan", v: s.reading },
    { k: "Kegagalan", v: d.failures },
    { k: "Diunduh", v: formatDateTimeWIB(generatedAt) },
  ]);
  const vendors = sheet(wb, "Nilai per UMKM", [
    { header: "Kode", key: "code", width: 14 },
    { header: "UMKM", key: "name", width: 36 },
    { header: "Pesanan", key: "orders", width: 10 },
    { header: "Nilai diterima", key: "awarded", width: 18, fmt: RUPIAH },
    { header: "Terealisasi", key: "delivered", width: 18, fmt: RUPIAH },
  ]);
  vendors.addRows(s.vendors);
  const unpaid = sheet(wb, "UMKM tanpa pesanan", [
    { header: "Kode", key: "code", width: 14 },
    { header: "UMKM", key: "name", width: 36 },
  ]);
  unpaid.addRows(s.unpaid);
  const lorenz = sheet(wb, "Kurva Lorenz", [
    { header: "Porsi UMKM", key: "vendors", width: 14, fmt: "0.0%" },
    { header: "Porsi nilai", key: "value", width: 14, fmt: "0.0%" },
  ]);
  lorenz.addRows(s.lorenz);
  const trend = sheet(wb, "Tren bulanan", [
    { header: "Bulan", key: "month", width: 10 },
    { header: "Terealisasi", key: "delivered", width: 18, fmt: RUPIAH },
    { header: "Nilai diterima", key: "awarded", width: 18, fmt: RUPIAH },
    { header: "Gini", key: "gini", width: 8, fmt: "0.00" },
    { header: "UMKM yang menerima", key: "vendorsWithOrders", width: 20 },
    { header: "Catatan", key: "note", width: 60 },
  ]);
  // A month without orders has no Gini: an empty cell and a note, never 0 (which reads as "perfectly even").
  trend.addRows(
    d.trend.map((m) => ({
      ...m,
      gini: m.gini ?? null,
      note: m.gini === null ? "Tidak ada pesanan: tidak ada data pemerataan" : "",
    })),
  );
  const absorption = sheet(wb, "Serapan pagu", [
    { header: "Kode OPD", key: "code", width: 20 },
    { header: "OPD", key: "name", width: 48 },
    { header: "Pagu", key: "pagu", width: 18, fmt: RUPIAH },
    { header: "Terealisasi", key: "realised", width: 18, fmt: RUPIAH },
    { header: "Diterima, belum diantar", key: "committed", width: 18, fmt: RUPIAH },
  ]);
  absorption.addRows(d.absorption);
  // How the spread holds up: escalations and the city-wide reserve per month and per OPD, sanctions in force.
  const r = d.resilience;
  const counts = [
    { header: "Pesanan", key: "orders", width: 10 },
    { header: "Perlu admin", key: "escalated", width: 12 },
    { header: "Porsi perlu admin", key: "escalatedShare", width: 16, fmt: "0.0%" },
    { header: "Cadangan kota", key: "reserve", width: 14 },
    { header: "Porsi cadangan kota", key: "reserveShare", width: 18, fmt: "0.0%" },
  ];
  const shares = <T extends { orders: number; escalated: number; reserve: number }>(x: T) => ({
    ...x,
    escalatedShare: x.orders > 0 ? x.escalated / x.orders : 0,
    reserveShare: x.orders > 0 ? x.reserve / x.orders : 0,
  });
  sheet(wb, "Eskalasi per bulan", [{ header: "Bulan", key: "month", width: 10 }, ...counts]).addRows(
    r.months.map(shares),
  );
  sheet(wb, "Eskalasi per OPD", [
    { header: "Kode OPD", key: "code", width: 20 },
    { header: "OPD", key: "name", width: 48 },
    ...counts,
  ]).addRows(r.byOpd.map(shares));
  const sanctioned = sheet(wb, "Sanksi berlaku", [
    { header: "Kode", key: "code", width: 14 },
    { header: "UMKM", key: "name", width: 36 },
    { header: "Tingkat", key: "level", width: 8 },
    { header: "Sejak", key: "since", width: 20 },
    { header: "Sampai", key: "until", width: 20 },
  ]);
  sanctioned.addRows(
    r.sanctioned.map((x) => ({
      ...x,
      since: x.since ? formatDateTimeWIB(x.since) : "",
      until: x.until ? formatDateTimeWIB(x.until) : "dicabut",
    })),
  );
  summary.addRows([
    { k: "Pesanan yang perlu admin", v: r.total.escalated },
    { k: "Pesanan dilayani cadangan kota", v: r.total.reserve },
    { k: "UMKM dibekukan (SP2) / dicabut (SP3)", v: `${r.sanctionCounts.SP2} / ${r.sanctionCounts.SP3}` },
    { k: "Gini tanpa UMKM bersanksi", v: r.giniWithoutSanctioned },
  ]);
  // Days to pay the UMKM (issue 20): empty months carry no figure and say so, never 0.
  const pay = d.payments;
  const payCols = [
    { header: "Pesanan lunas", key: "paidCount", width: 14 },
    { header: "Nilai lunas (Rp)", key: "paidGross", width: 18, fmt: RUPIAH },
    { header: "Rata-rata hari BAST → lunas", key: "avgFromBast", width: 26, fmt: "0.0" },
    { header: "Rata-rata hari tagihan → lunas", key: "avgFromInvoice", width: 28, fmt: "0.0" },
  ];
  sheet(wb, "Lama bayar per bulan", [
    { header: "Bulan pelunasan", key: "month", width: 16 },
    ...payCols,
    { header: "Keterangan", key: "note", width: 40 },
  ]).addRows(pay.months.map((m) => ({ ...m, note: m.paidCount === 0 ? "Tidak ada pelunasan: tidak ada data" : "" })));
  sheet(wb, "Lama bayar per OPD", [
    { header: "Kode OPD", key: "code", width: 20 },
    { header: "OPD", key: "name", width: 48 },
    ...payCols,
    { header: "Belum dibayar (pesanan)", key: "owedCount", width: 22 },
    { header: "Belum dibayar (Rp)", key: "owedValue", width: 20, fmt: RUPIAH },
    { header: `Lewat ${pay.targetDays} hari sejak BAST`, key: "overdue", width: 24 },
  ]).addRows(pay.byOpd);
  const late = sheet(wb, "Belum dibayar lewat target", [
    { header: "Nomor pesanan", key: "orderNumber", width: 20 },
    { header: "OPD", key: "opdName", width: 40 },
    { header: "UMKM", key: "vendorName", width: 32 },
    { header: "Tanggal BAST", key: "bast", width: 20 },
    { header: "Hari menunggu", key: "daysWaited", width: 14 },
    { header: "Sisa (Rp)", key: "owed", width: 16, fmt: RUPIAH },
  ]);
  late.addRows(pay.overdue.map((o) => ({ ...o, bast: formatDateTimeWIB(o.bastAt) })));
  summary.addRows([
    { k: `Rata-rata hari BAST → lunas (target ${pay.targetDays})`, v: pay.total.avgFromBast ?? "tidak ada data" },
    { k: "Rata-rata hari tagihan → lunas", v: pay.total.avgFromInvoice ?? "tidak ada data" },
    { k: "Belum dibayar sekarang (Rp)", v: pay.total.owedValue },
    { k: `Belum dibayar lewat ${pay.targetDays} hari`, v: pay.total.overdue },
  ]);
  if (d.before) {
    const b = d.before;
    const compare = sheet(wb, "Sebelum-sesudah SK", [
      { header: "Ukuran", key: "k", width: 34 },
      { header: `Sebelum SK (${b.fiscalYear})`, key: "before", width: 20 },
      { header: "Sesudah SK (periode ini)", key: "after", width: 24 },
    ]);
    compare.addRows([
      { k: "Nilai belanja (Rp)", before: b.total, after: s.awarded },
      { k: "Penerima (pemasok / UMKM)", before: b.distribution.vendors, after: s.distribution.vendors },
      { k: "Penerima tanpa nilai", before: b.distribution.zero.count, after: s.distribution.zero.count },
      { k: "Gini", before: b.distribution.gini, after: s.distribution.gini },
      { k: "HHI", before: b.distribution.hhi, after: s.distribution.hhi },
      { k: "Porsi 3 teratas", before: b.distribution.top3Share, after: s.distribution.top3Share },
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
