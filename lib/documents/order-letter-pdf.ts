// The Surat Pesanan (order letter) and the BAST (handover record) of one order, as A4 PDFs drawn with
// pdfkit: the city's heading, both parties, the item table with amounts in figures and in Indonesian
// words, and signature blocks. Official documents are always in Bahasa Indonesia.
import "server-only";
import PDFDocument from "pdfkit";
import { inBottomMargin, embedFonts } from "@/lib/documents/pdf-fonts";
import { pdfSafe } from "@/lib/documents/pdf-safe-text";
import id from "@/messages/id.json";
import { terbilangRupiah } from "@/lib/domain/terbilang";
import { formatDateTimeWIB, formatLongDateWIB, formatNumber, formatRupiah } from "@/lib/format";
import type { OrderDocument as OrderDocumentData } from "@/lib/data/documents/get-order-document";
import { dayInWords, formatNip } from "@/lib/domain/letters";
import { DEFAULT_LETTERHEAD, type Letterhead } from "@/lib/domain/letterhead";

/** What the printed letter needs beyond the order: its issued number, verification and, for a BAST, the photo. */
export type OrderDocument = OrderDocumentData & {
  letter?: {
    number: string;
    contentHash: string;
    /** The public verification page the QR code opens. */
    verifyUrl: string;
    /** The QR code of verifyUrl, as a PNG. */
    qrPng: Buffer;
  };
  /** The delivery photo (JPEG or PNG), printed on the BAST. */
  photo?: Buffer | null;
  /** The city's kop surat (heading and logo, lib/data/admin/letterhead.ts); the built-in heading when absent. */
  letterhead?: Letterhead;
};

const TITLES = {
  "surat-pesanan": { title: "SURAT PESANAN", prefix: "SP" },
  bast: { title: "BERITA ACARA SERAH TERIMA PEKERJAAN", prefix: "BAST" },
} as const;

/** The letter's number: the one issued to it (the OPD's pattern), or — not yet issued — one made from the order. */
export function documentNumber(doc: Pick<OrderDocument, "kind" | "orderNumber" | "letter">): string {
  return doc.letter?.number ?? `${TITLES[doc.kind].prefix}/${doc.orderNumber}`;
}

export function documentFileName(doc: Pick<OrderDocument, "kind" | "orderNumber">): string {
  return `${TITLES[doc.kind].prefix}-${doc.orderNumber.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`;
}

const PAGE = { size: "A4" as const, margin: 56 };

function rows(doc: PDFKit.PDFDocument, pairs: [string, string][], labelWidth = 130) {
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.font("Sans").fontSize(10).text(label, x, y, { width: labelWidth });
    doc.text(":", x + labelWidth, y, { width: 10 });
    doc.text(value || "-", x + labelWidth + 12, y, { width: width - labelWidth - 12 });
    doc.moveDown(0.15);
  }
}

function heading(doc: PDFKit.PDFDocument, d: OrderDocument) {
  const letterhead = d.letterhead ?? DEFAULT_LETTERHEAD;
  // The city's logo in the top left corner and the QR code in the top right: the kop keeps clear of both, on both
  // sides (it stays centred).
  const side = d.letter || letterhead.logo ? 58 : 0;
  const width = doc.page.width - PAGE.margin * 2 - side * 2;
  const x = PAGE.margin + side;
  const top = doc.y;
  if (letterhead.logo)
    doc.image(letterhead.logo.bytes, PAGE.margin, top - 4, { fit: [54, 54], align: "center", valign: "center" });
  if (d.letter) doc.image(d.letter.qrPng, doc.page.width - PAGE.margin - 54, top - 4, { width: 54, height: 54 });
  doc.font("Sans-Bold").fontSize(14).text(letterhead.cityHeading, x, top, { align: "center", width });
  doc.fontSize(13).text(d.opd.name.toUpperCase(), x, doc.y, { align: "center", width });
  doc
    .font("Sans")
    .fontSize(9)
    .text(
      `${d.opd.address ?? "Kota Mojokerto, Jawa Timur"}${d.opd.phone ? ` · Telepon ${d.opd.phone}` : ""}`,
      x,
      doc.y,
      {
        align: "center",
        width,
      },
    );
  const y = Math.max(doc.y, top + 54) + 4;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(doc.page.width - PAGE.margin, y)
    .lineWidth(2)
    .stroke();
  doc
    .moveTo(PAGE.margin, y + 3)
    .lineTo(doc.page.width - PAGE.margin, y + 3)
    .lineWidth(0.5)
    .stroke();
  const full = doc.page.width - PAGE.margin * 2;
  doc.y = y + 14;
  doc
    .font("Sans-Bold")
    .fontSize(12)
    .text(TITLES[d.kind].title, PAGE.margin, doc.y, { align: "center", width: full, underline: true });
  doc
    .font("Sans")
    .fontSize(10)
    .text(`Nomor: ${documentNumber(d)}`, { align: "center", width: full });
  if (d.letter) {
    // Where the QR code leads, in words, and the start of the content's fingerprint (the page shows it whole).
    doc
      .fontSize(7)
      .fillColor("#444444")
      .text(`Periksa keaslian: ${d.letter.verifyUrl} · sidik isi ${d.letter.contentHash.slice(0, 16)}`, {
        align: "center",
        width: full,
      })
      .fillColor("black");
  }
  doc.moveDown(1);
}

function itemTable(doc: PDFKit.PDFDocument, d: OrderDocument, quantity: number) {
  const x = PAGE.margin;
  const width = doc.page.width - PAGE.margin * 2;
  const amountW = 100;
  const cols = [28, width - 28 - 70 - 95 - amountW, 70, 95, amountW];
  const headers = ["No", "Uraian", "Volume", "Harga satuan", "Jumlah"];
  const amount = quantity * d.unitPrice;
  const cells = [
    "1",
    `${id.status.category[d.category]} — ${d.eventName}`,
    `${formatNumber(quantity)} porsi`,
    formatRupiah(d.unitPrice),
    formatRupiah(amount),
  ];
  const drawRow = (values: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? "Sans-Bold" : "Sans").fontSize(9.5);
    const cells = cols.map((w, i) => ({ w, v: values[i] ?? "" }));
    const h = Math.max(...cells.map((c) => doc.heightOfString(c.v, { width: c.w - 8 }))) + 8;
    let cx = x;
    cells.forEach((c, i) => {
      doc.rect(cx, y, c.w, h).lineWidth(0.5).stroke();
      doc.text(c.v, cx + 4, y + 4, { width: c.w - 8, align: i >= 2 ? "right" : "left" });
      cx += c.w;
    });
    doc.y = y + h;
  };
  drawRow(headers, true);
  drawRow(cells, false);
  // Total row across the first four columns.
  const y = doc.y;
  const labelWidth = width - amountW;
  doc.rect(x, y, labelWidth, 20).stroke();
  doc.rect(x + labelWidth, y, amountW, 20).stroke();
  doc.font("Sans-Bold").text("Jumlah total", x + 4, y + 5, { width: labelWidth - 8, align: "right" });
  doc.text(formatRupiah(amount), x + labelWidth + 4, y + 5, { width: amountW - 8, align: "right" });
  doc.x = x;
  doc.y = y + 26;
  doc
    .font("Sans-Italic")
    .fontSize(10)
    .text(`Terbilang: ${terbilangRupiah(amount)}`, x, doc.y, { width });
  doc.moveDown(0.8);
}

function signatures(doc: PDFKit.PDFDocument, d: OrderDocument, place: string, date: Date) {
  const width = doc.page.width - PAGE.margin * 2;
  const colW = width / 2;
  if (doc.y > doc.page.height - 205) doc.addPage();
  doc.moveDown(1);
  const top = doc.y;
  const right = PAGE.margin + colW;
  doc.font("Sans").fontSize(10);
  doc.text(`${place}, ${formatLongDateWIB(date)}`, right, top, { width: colW, align: "center" });
  const y = top + 16;
  doc.font("Sans-Bold").text("PIHAK KEDUA", PAGE.margin, y, { width: colW, align: "center" });
  doc.text("PIHAK PERTAMA", right, y, { width: colW, align: "center" });
  doc.font("Sans").text("Penyedia", PAGE.margin, y + 14, { width: colW, align: "center" });
  doc.text(d.opd.headTitle ?? "Pejabat Pembuat Komitmen", right, y + 14, { width: colW, align: "center" });
  doc.text(d.vendor.name, PAGE.margin, y + 28, { width: colW, align: "center" });
  doc.text(d.opd.name, right, y + 28, { width: colW, align: "center" });
  const nameY = y + 80;
  doc.font("Sans-Bold").text(d.vendor.ownerName, PAGE.margin, nameY, { width: colW, align: "center", underline: true });
  doc.text(d.opd.headName ?? "(.................................)", right, nameY, {
    width: colW,
    align: "center",
    underline: Boolean(d.opd.headName),
  });
  doc.font("Sans").text("Pemilik usaha", PAGE.margin, nameY + 14, { width: colW, align: "center" });
  doc.text(
    d.opd.headNip ? `NIP. ${formatNip(d.opd.headNip)}` : "NIP. ..............................",
    right,
    nameY + 14,
    {
      width: colW,
      align: "center",
    },
  );
  doc.x = PAGE.margin;
  doc.y = nameY + 40;
}

function footer(doc: PDFKit.PDFDocument, generatedAt: Date) {
  const width = doc.page.width - PAGE.margin * 2;
  inBottomMargin(doc, () =>
    doc
      .font("Sans")
      .fontSize(7.5)
      .fillColor("#555555")
      .text(
        `Dibuat oleh Mamin Merata pada ${formatDateTimeWIB(generatedAt)}. Dokumen ini sah setelah ditandatangani para pihak.`,
        PAGE.margin,
        doc.page.height - PAGE.margin - 10,
        { width, align: "center", lineBreak: false },
      )
      .fillColor("black"),
  );
}

function body(doc: PDFKit.PDFDocument, d: OrderDocument) {
  const width = doc.page.width - PAGE.margin * 2;
  const partyRows = (title: string, pairs: [string, string][]) => {
    doc.font("Sans-Bold").fontSize(10).text(title, PAGE.margin, doc.y, { width });
    doc.moveDown(0.2);
    rows(doc, pairs);
    doc.moveDown(0.5);
  };
  if (d.kind === "bast" && d.delivery) {
    doc
      .font("Sans")
      .fontSize(10)
      .text(
        `Pada hari ini ${dayInWords(d.delivery.deliveredAt)} (${formatLongDateWIB(d.delivery.deliveredAt)}), yang bertanda tangan di bawah ini:`,
        PAGE.margin,
        doc.y,
        { width },
      );
  } else {
    doc.font("Sans").fontSize(10).text("Yang bertanda tangan di bawah ini:", PAGE.margin, doc.y, { width });
  }
  doc.moveDown(0.5);
  partyRows("PIHAK PERTAMA (Pemesan)", [
    ["Instansi", d.opd.name],
    ["Pejabat", d.opd.headName ? `${d.opd.headName}${d.opd.headTitle ? `, ${d.opd.headTitle}` : ""}` : "-"],
    ["NIP", d.opd.headNip ? formatNip(d.opd.headNip) : "-"],
    ["Dipesan oleh", d.placedBy],
  ]);
  partyRows("PIHAK KEDUA (Penyedia)", [
    ["Nama usaha", d.vendor.name],
    ["Pemilik", d.vendor.ownerName],
    ["Alamat", `${d.vendor.address}, Kel. ${d.vendor.kelurahan}, Kec. ${d.vendor.kecamatan}`],
    ["NIB", d.vendor.nib ?? "-"],
    ["NPWP", d.vendor.npwp ?? "-"],
    ["WhatsApp", d.vendor.whatsapp],
  ]);
  if (d.kind === "surat-pesanan") {
    doc
      .font("Sans")
      .fontSize(10)
      .text(
        "Pihak Pertama memesan makanan dan minuman (mamin) kepada Pihak Kedua, dan Pihak Kedua telah menerima pesanan ini, dengan rincian sebagai berikut:",
        PAGE.margin,
        doc.y,
        { width },
      );
    doc.moveDown(0.5);
    itemTable(doc, d, d.pax);
    rows(doc, [
      ["Kegiatan", d.eventName],
      ["Waktu pengiriman", formatDateTimeWIB(d.deliveryAt)],
      ["Tempat pengiriman", d.place],
      ["Narahubung", `${d.contactName} (${d.contactPhone})`],
      ["Kode rekening", `${d.accountCode} — ${d.accountName}`],
      ["Metode pengadaan", id.orderForm.methods[d.method]],
      ["Dasar penunjukan", d.decreeNumber ? `Keputusan Wali Kota Mojokerto Nomor ${d.decreeNumber}` : "-"],
      ["Catatan", d.notes ?? "-"],
    ]);
    doc.moveDown(0.4);
    doc
      .fontSize(9.5)
      .text(
        "Pihak Kedua wajib mengirim pesanan tepat waktu, dalam jumlah dan mutu yang sesuai. Keterlambatan berat, kekurangan jumlah, atau pesanan yang tidak dikirim dicatat sebagai kegagalan dan dapat dikenai sanksi (SP1, SP2/penangguhan, SP3/pencabutan). Pembayaran dilakukan setelah Berita Acara Serah Terima ditandatangani, dipotong pajak sesuai ketentuan.",
        PAGE.margin,
        doc.y,
        { width },
      );
    signatures(doc, d, "Mojokerto", d.awardedAt);
  } else if (d.delivery) {
    const short = d.delivery.quantityReceived < d.pax;
    doc
      .font("Sans")
      .fontSize(10)
      .text(
        `Berdasarkan Surat Pesanan untuk pesanan ${d.orderNumber}, Pihak Kedua telah menyerahkan dan Pihak Pertama telah menerima makanan dan minuman dengan rincian sebagai berikut:`,
        PAGE.margin,
        doc.y,
        { width },
      );
    doc.moveDown(0.5);
    itemTable(doc, d, d.delivery.quantityReceived);
    rows(doc, [
      ["Kegiatan", d.eventName],
      ["Waktu diterima", formatDateTimeWIB(d.delivery.deliveredAt)],
      [
        "Ketepatan waktu",
        d.delivery.lateMinutes > 0 ? `Terlambat ${formatNumber(d.delivery.lateMinutes)} menit` : "Tepat waktu",
      ],
      ["Tempat", d.place],
      ["Jumlah dipesan", `${formatNumber(d.pax)} porsi`],
      ["Jumlah diterima", `${formatNumber(d.delivery.quantityReceived)} porsi${short ? " (kurang dari pesanan)" : ""}`],
      ["Kode rekening", `${d.accountCode} — ${d.accountName}`],
    ]);
    doc.moveDown(0.4);
    doc
      .fontSize(9.5)
      .text(
        "Demikian Berita Acara Serah Terima ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya, sebagai dasar pembayaran.",
        PAGE.margin,
        doc.y,
        { width },
      );
    signatures(doc, d, "Mojokerto", d.delivery.deliveredAt);
    if (d.photo) {
      // The delivery photo the OPD took, on its own page when it does not fit under the signatures.
      if (doc.y > doc.page.height - 300) doc.addPage();
      doc
        .font("Sans-Bold")
        .fontSize(10)
        .text("Foto penerimaan", PAGE.margin, doc.y + 10);
      const top = doc.y + 4;
      doc.image(d.photo, PAGE.margin, top, { fit: [260, 200] });
      doc.x = PAGE.margin;
      doc.y = top + 204;
    }
  }
}

/** Renders the document to a PDF buffer. */
export function renderOrderDocumentPdf(input: OrderDocument, generatedAt: Date): Promise<Buffer> {
  // Only characters the embedded font prints (lib/documents/pdf-safe-text.ts).
  const d = pdfSafe(input);
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `${TITLES[d.kind].title} ${documentNumber(d)}`,
      Author: d.opd.name,
      Subject: d.eventName,
      Creator: "Mamin Merata",
    },
  });
  embedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  heading(doc, d);
  body(doc, d);
  const pages = doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    footer(doc, generatedAt);
  }
  doc.end();
  return done;
}
