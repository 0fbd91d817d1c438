// A decree's allocation as files: the attachment to the SK as a PDF (per OPD, its UMKM), and an Excel
// workbook whose "Alokasi" sheet is the OPD × UMKM matrix — the same layout the import reads back.
import "server-only";
import PDFDocument from "pdfkit";
import { inBottomMargin, embedFonts } from "@/lib/documents/pdf-fonts";
import { pdfSafe } from "@/lib/documents/pdf-safe-text";
import ExcelJS from "exceljs";
import { formatDateTimeWIB, formatLongDateWIB } from "@/lib/format";
import { DEFAULT_CITY_HEADING } from "@/lib/domain/letterhead";
import type { DecreeStatus } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

/** "RANCANGAN" across the page, light, behind nothing the reader needs: a draft cannot pass for the decree. */
function draftMark(doc: PDFKit.PDFDocument) {
  doc.save();
  doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc
    .font("Sans-Bold")
    .fontSize(96)
    .fillColor("#b91c1c", 0.18)
    .text("RANCANGAN", 0, doc.page.height / 2 - 48, { width: doc.page.width, align: "center", lineBreak: false });
  doc.restore();
  doc.fillColor("black", 1);
}

export interface DecreeAllocationFile {
  number: string;
  title: string;
  /** A draft prints "RANCANGAN" across every page and no signature date; a published one where and when it was set. */
  status: DecreeStatus;
  signedOn: Date | null;
  publishedAt: Date | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  opds: { id: string; code: string; name: string }[];
  vendors: { id: string; code: string; name: string; kelurahan: string }[];
  /** "opdId:vendorId" → weight */
  cells: Record<string, number>;
  /** The city's kop heading (lib/data/admin/letterhead.ts); the built-in one when absent. */
  cityHeading?: string;
}

export const MATRIX_SHEET = "Alokasi";

export function decreeFileName(number: string, ext: "pdf" | "xlsx"): string {
  return `lampiran-sk-${number.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}.${ext}`;
}

export function renderDecreePdf(input: DecreeAllocationFile, generatedAt: Date): Promise<Buffer> {
  // Only characters the embedded font prints (lib/documents/pdf-safe-text.ts).
  const d = pdfSafe(input);
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `Lampiran SK ${d.number}`, Creator: "Mamin Merata" },
  });
  embedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 100;
  const draft = d.status === "DRAFT";
  if (draft) {
    draftMark(doc);
    doc.on("pageAdded", () => draftMark(doc));
    doc.x = 50;
    doc.y = 50;
  }
  doc
    .font("Sans-Bold")
    .fontSize(12)
    .text(d.cityHeading ?? DEFAULT_CITY_HEADING, { align: "center", width });
  doc.font("Sans").fontSize(10).text(`LAMPIRAN KEPUTUSAN WALI KOTA MOJOKERTO`, { align: "center", width });
  doc.text(`NOMOR ${d.number}`, { align: "center", width });
  doc.font("Sans-Bold").text(d.title.toUpperCase(), { align: "center", width });
  doc
    .font("Sans")
    .fontSize(9)
    .text(
      `Berlaku ${formatLongDateWIB(d.effectiveFrom)}${d.effectiveTo ? ` sampai ${formatLongDateWIB(d.effectiveTo)}` : ""}`,
      { align: "center", width },
    );
  doc.moveDown(1);
  const byId = new Map(d.vendors.map((v) => [v.id, v]));
  let n = 0;
  for (const opd of d.opds) {
    const pool = d.vendors.filter((v) => `${opd.id}:${v.id}` in d.cells);
    if (pool.length === 0) continue;
    if (doc.y > doc.page.height - 140) doc.addPage();
    n += 1;
    doc.font("Sans-Bold").fontSize(10).text(`${n}. ${opd.name} (${opd.code})`, 50, doc.y, { width });
    doc.font("Sans").fontSize(9);
    pool.forEach((v, i) => {
      const w = d.cells[`${opd.id}:${v.id}`] ?? 1;
      doc.text(
        `   ${String.fromCharCode(97 + (i % 26))}. ${byId.get(v.id)!.name} — ${v.code}, Kel. ${v.kelurahan}${w !== 1 ? ` (bobot ${w})` : ""}`,
        50,
        doc.y,
        { width },
      );
    });
    doc.moveDown(0.5);
  }
  doc.moveDown(1);
  if (doc.y > doc.page.height - 160) doc.addPage();
  if (draft) {
    doc
      .font("Sans-Italic")
      .fontSize(9)
      .text("RANCANGAN — belum ditetapkan; bukan dasar penunjukan UMKM.", 50, doc.y, { width });
    doc.moveDown(1);
  } else {
    const setOn = d.signedOn ?? d.publishedAt ?? d.effectiveFrom;
    doc.font("Sans").fontSize(10).text("Ditetapkan di Mojokerto", 330, doc.y, { width: 215 });
    doc.text(`pada tanggal ${formatLongDateWIB(setOn)}`, 330, doc.y, { width: 215 });
    doc.moveDown(0.8);
  }
  doc.fontSize(10).text("WALI KOTA MOJOKERTO,", 330, doc.y, { width: 215, align: "center" });
  doc.moveDown(4);
  doc.text("(.................................)", 330, doc.y, { width: 215, align: "center" });
  inBottomMargin(doc, () =>
    doc
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`Dibuat oleh Mamin Merata pada ${formatDateTimeWIB(generatedAt)}.`, 50, doc.page.height - 60, {
        width,
        align: "center",
        lineBreak: false,
      }),
  );
  doc.end();
  return done;
}

export async function renderDecreeXlsx(d: DecreeAllocationFile, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mamin Merata";
  wb.created = generatedAt;
  const matrix = wb.addWorksheet(MATRIX_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  matrix.getRow(1).values = ["Kode OPD", "Nama OPD", ...d.vendors.map((v) => v.code)];
  matrix.getRow(1).font = { bold: true };
  matrix.getColumn(1).width = 20;
  matrix.getColumn(2).width = 48;
  d.vendors.forEach((v, i) => {
    matrix.getColumn(3 + i).width = 10;
    matrix.getCell(1, 3 + i).note = v.name;
  });
  d.opds.forEach((o, r) => {
    const row = matrix.getRow(2 + r);
    row.getCell(1).value = o.code;
    row.getCell(2).value = o.name;
    d.vendors.forEach((v, i) => {
      const w = d.cells[`${o.id}:${v.id}`];
      if (w !== undefined) row.getCell(3 + i).value = w;
    });
  });
  const list = wb.addWorksheet("Daftar");
  list.columns = [
    { header: "Kode OPD", key: "opd", width: 20 },
    { header: "Nama OPD", key: "opdName", width: 48 },
    { header: "Kode UMKM", key: "vendor", width: 14 },
    { header: "Nama UMKM", key: "vendorName", width: 36 },
    { header: "Kelurahan", key: "kelurahan", width: 18 },
    { header: "Bobot", key: "weight", width: 8 },
  ];
  list.getRow(1).font = { bold: true };
  for (const o of d.opds) {
    for (const v of d.vendors) {
      const w = d.cells[`${o.id}:${v.id}`];
      if (w !== undefined)
        list.addRow({
          opd: o.code,
          opdName: o.name,
          vendor: v.code,
          vendorName: v.name,
          kelurahan: v.kelurahan,
          weight: w,
        });
    }
  }
  const about = wb.addWorksheet("Keterangan");
  about.getCell("A1").value = `SK ${d.number} — ${d.title}`;
  about.getCell("A2").value =
    `Lembar "${MATRIX_SHEET}": satu baris per OPD, satu kolom per UMKM (kode di baris 1); isi 1 (atau bobot) bila UMKM ditetapkan untuk OPD itu, kosongkan bila tidak. Lembar ini dapat diimpor kembali ke rancangan SK.`;
  about.getCell("A3").value = `Diunduh ${formatDateTimeWIB(generatedAt)} dari Mamin Merata.`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface MatrixParse {
  pairs: string[];
  errors: string[];
}

/**
 * Reads the "Alokasi" sheet back into "opdId:vendorId" pairs. Every problem is reported with its cell;
 * the caller writes nothing unless there are none.
 */
export async function parseDecreeMatrix(
  bytes: Buffer,
  opds: { id: string; code: string }[],
  vendors: { id: string; code: string }[],
): Promise<MatrixParse> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return { pairs: [], errors: ["Berkas bukan workbook Excel (.xlsx) yang dapat dibaca."] };
  }
  const ws = wb.getWorksheet(MATRIX_SHEET) ?? wb.worksheets[0];
  if (!ws) return { pairs: [], errors: [vm("import.noWorksheet")] };
  const opdByCode = new Map(opds.map((o) => [o.code.toUpperCase(), o.id]));
  const vendorByCode = new Map(vendors.map((v) => [v.code.toUpperCase(), v.id]));
  const errors: string[] = [];
  const columns: { col: number; vendorId: string }[] = [];
  const header = ws.getRow(1);
  const seenVendors = new Set<string>();
  for (let c = 3; c <= header.cellCount; c++) {
    const code = String(header.getCell(c).text ?? "")
      .trim()
      .toUpperCase();
    if (!code) continue;
    const id = vendorByCode.get(code);
    if (!id) errors.push(`${header.getCell(c).address}: ${vm("import.unknownVendorCode", { code })}`);
    else if (seenVendors.has(id)) errors.push(`${header.getCell(c).address}: ${vm("import.vendorTwice", { code })}`);
    else {
      seenVendors.add(id);
      columns.push({ col: c, vendorId: id });
    }
  }
  const pairs: string[] = [];
  const seenOpds = new Set<string>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = String(row.getCell(1).text ?? "")
      .trim()
      .toUpperCase();
    if (!code) continue;
    const opdId = opdByCode.get(code);
    if (!opdId) {
      errors.push(`A${r}: ${vm("import.unknownOpdCode", { code })}`);
      continue;
    }
    if (seenOpds.has(opdId)) {
      errors.push(`A${r}: ${vm("import.opdTwice", { code })}`);
      continue;
    }
    seenOpds.add(opdId);
    for (const { col, vendorId } of columns) {
      const cell = row.getCell(col);
      const raw = String(cell.text ?? "")
        .trim()
        .toLowerCase();
      if (raw === "" || raw === "0") continue;
      // 1, a weight, or a tick: allocated (weights of kept pairs stay as they are).
      if (/^[1-9]\d*$/.test(raw) || ["x", "v", "✓", "ya"].includes(raw)) pairs.push(`${opdId}:${vendorId}`);
      else errors.push(`${cell.address}: ${vm("import.matrixCell", { value: cell.text })}`);
    }
  }
  if (errors.length === 0 && pairs.length === 0) errors.push(vm("import.emptyMatrix"));
  return { pairs, errors };
}
