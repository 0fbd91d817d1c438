// The kuitansi (receipt) a vendor signs for its invoice (issue 20), as an A4 PDF drawn with pdfkit: received from the
// OPD's spending treasurer, the amount in figures and in Indonesian words, what for (the order and its BAST), the bank
// account to pay into, and the vendor's signature — with a box for the e-meterai when the amount is above the
// threshold, and "DIKEMBALIKAN" across a returned one. Official documents are in Bahasa Indonesia.
import "server-only";
import PDFDocument from "pdfkit";
import { inBottomMargin, embedFonts } from "@/lib/documents/pdf-fonts";
import { pdfSafe } from "@/lib/documents/pdf-safe-text";
import id from "@/messages/id.json";
import { terbilangRupiah } from "@/lib/domain/terbilang";
import { formatDateTimeWIB, formatLongDateWIB, formatNumber, formatRupiah } from "@/lib/format";
import type { InvoiceDocument } from "@/lib/data/documents/get-invoice-document";

const MARGIN = 56;

export function kuitansiFileName(d: Pick<InvoiceDocument, "number">): string {
  return `${d.number.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`;
}

export function renderKuitansiPdf(
  input: InvoiceDocument,
  generatedAt: Date,
  meteraiThreshold: number,
): Promise<Buffer> {
  const d = pdfSafe(input);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `KUITANSI ${d.number}`, Author: d.vendor.name, Subject: d.order.eventName, Creator: "Mamin Merata" },
  });
  embedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGIN * 2;
  // The vendor's own heading: a kuitansi is the payee's paper.
  doc.font("Sans-Bold").fontSize(13).text(d.vendor.name.toUpperCase(), MARGIN, MARGIN, { width });
  doc.font("Sans").fontSize(9).text(d.vendor.address, { width });
  doc.text(`NPWP: ${d.vendor.npwp ?? "-"}`, { width });
  const y0 = doc.y + 4;
  doc
    .moveTo(MARGIN, y0)
    .lineTo(doc.page.width - MARGIN, y0)
    .lineWidth(1.5)
    .stroke();
  doc.y = y0 + 12;
  doc.font("Sans-Bold").fontSize(14).text("KUITANSI", MARGIN, doc.y, { width, align: "center", underline: true });
  doc.font("Sans").fontSize(10).text(`Nomor: ${d.number}`, { width, align: "center" });
  doc.moveDown(1.2);
  const rows: [string, string][] = [
    ["Telah terima dari", `Bendahara Pengeluaran ${d.opd.name}, Pemerintah Kota Mojokerto`],
    ["Uang sejumlah", terbilangRupiah(d.amount)],
    [
      "Untuk pembayaran",
      `${id.status.category[d.order.category]} — ${d.order.eventName}: ${formatNumber(d.order.quantityReceived)} porsi × ${formatRupiah(d.order.unitPrice)}, sesuai Surat Pesanan SP/${d.order.number} dan Berita Acara Serah Terima BAST/${d.order.number} tanggal ${formatLongDateWIB(d.order.bastAt)}`,
    ],
    ["Kode rekening", d.order.accountCode],
    ["Dibayarkan ke", `${d.bank.name} nomor ${d.bank.accountNumber} atas nama ${d.bank.accountName}`],
    ...(d.note ? ([["Catatan", d.note]] as [string, string][]) : []),
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font("Sans").fontSize(10.5).text(label, MARGIN, y, { width: 120 });
    doc.text(":", MARGIN + 120, y, { width: 10 });
    doc.font(label === "Uang sejumlah" ? "Sans-Italic" : "Sans").text(value, MARGIN + 132, y, {
      width: width - 132,
    });
    doc.moveDown(0.5);
  }
  doc.moveDown(0.6);
  const boxY = doc.y;
  doc.rect(MARGIN, boxY, 190, 30).lineWidth(1).stroke();
  doc
    .font("Sans-Bold")
    .fontSize(14)
    .text(formatRupiah(d.amount), MARGIN + 8, boxY + 8, { width: 174 });
  // The signature block on the right: place and date, the e-meterai's place, the owner's name.
  const colX = MARGIN + width / 2;
  const colW = width / 2;
  doc
    .font("Sans")
    .fontSize(10.5)
    .text(`Mojokerto, ${formatLongDateWIB(d.submittedAt)}`, colX, boxY, {
      width: colW,
      align: "center",
    });
  doc.text("Yang menerima,", colX, boxY + 16, { width: colW, align: "center" });
  doc.text(d.vendor.name, colX, boxY + 30, { width: colW, align: "center" });
  if (d.meteraiRequired) {
    doc
      .rect(colX + colW / 2 - 40, boxY + 50, 80, 50)
      .dash(3, { space: 3 })
      .stroke()
      .undash();
    doc.fontSize(8).text("e-meterai", colX + colW / 2 - 40, boxY + 70, { width: 80, align: "center" });
  }
  doc
    .font("Sans-Bold")
    .fontSize(10.5)
    .text(d.vendor.ownerName, colX, boxY + 120, {
      width: colW,
      align: "center",
      underline: true,
    });
  doc.font("Sans").text("Pemilik usaha", colX, boxY + 134, { width: colW, align: "center" });
  doc.x = MARGIN;
  doc.y = boxY + 170;
  if (d.meteraiRequired) {
    doc
      .fontSize(9)
      .text(
        `Jumlah di atas ${formatRupiah(meteraiThreshold)}: kuitansi ini wajib dibubuhi e-meterai (UU 10/2020 tentang Bea Meterai) sebelum diserahkan.`,
        MARGIN,
        doc.y,
        { width },
      );
  }
  if (d.status === "RETURNED") {
    doc.save();
    doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font("Sans-Bold")
      .fontSize(72)
      .fillColor("#cc0000", 0.25)
      .text("DIKEMBALIKAN", 0, doc.page.height / 2 - 40, { width: doc.page.width, align: "center" });
    doc.restore();
    doc.fillColor("black", 1);
  }
  inBottomMargin(doc, () =>
    doc
      .font("Sans")
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`Dibuat oleh Mamin Merata pada ${formatDateTimeWIB(generatedAt)}.`, MARGIN, doc.page.height - MARGIN - 10, {
        width,
        align: "center",
        lineBreak: false,
      })
      .fillColor("black"),
  );
  doc.end();
  return done;
}
