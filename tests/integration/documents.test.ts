import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { testDb } from "@/tests/support/integration-setup";
import { pdfText } from "@/tests/support/pdf-text";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { getOrderDocument } from "@/lib/data/documents/get-order-document";
import { documentFileName, renderOrderDocumentPdf } from "@/lib/documents/order-letter-pdf";
import { exportOpdOrders } from "@/lib/data/orders/export-opd-orders";
import { renderOrdersXlsx } from "@/lib/documents/orders-xlsx";
import { terbilangRupiah } from "@/lib/domain/terbilang";
import { estimateTax, taxBasisOf } from "@/lib/domain/tax";

const now = new Date("2026-11-28T03:00:00Z");

beforeAll(async () => {
  await seedDemo(testDb(), fixedClock(now));
});

async function orderIn(status: "ACCEPTED" | "DELIVERED" | "OFFERED") {
  return testDb().order.findFirstOrThrow({
    where: { status, ...(status === "OFFERED" ? {} : { vendorId: { not: null } }) },
    include: { vendor: true, opd: true, fulfilments: { where: { outcome: "DELIVERED" } } },
    orderBy: { number: "asc" },
  });
}

describe("order documents", () => {
  it("shows a delivered order's Surat Pesanan and BAST to its OPD, its UMKM and admins only", async () => {
    const db = testDb();
    const o = await orderIn("DELIVERED");
    const otherOpd = await db.opd.findFirstOrThrow({ where: { id: { not: o.opdId } } });
    const otherVendor = await db.vendor.findFirstOrThrow({ where: { id: { not: o.vendorId! } } });
    const opd = { role: "OPD_STAFF" as const, opdId: o.opdId, vendorId: null };
    for (const viewer of [
      opd,
      { role: "VENDOR" as const, opdId: null, vendorId: o.vendorId },
      { role: "ADMIN" as const, opdId: null, vendorId: null },
    ]) {
      for (const kind of ["surat-pesanan", "bast"] as const) {
        expect((await getOrderDocument(db, { actor: viewer, orderId: o.id, kind })).document?.orderNumber).toBe(
          o.number,
        );
      }
    }
    for (const viewer of [
      { role: "OPD_STAFF" as const, opdId: otherOpd.id, vendorId: null },
      { role: "VENDOR" as const, opdId: null, vendorId: otherVendor.id },
      { role: "MAYOR" as const, opdId: null, vendorId: null },
    ]) {
      expect(await getOrderDocument(db, { actor: viewer, orderId: o.id, kind: "surat-pesanan" })).toEqual({
        document: null,
        reason: "NOT_FOUND",
      });
    }
  });

  it("has no BAST before delivery and no Surat Pesanan before a vendor accepts", async () => {
    const db = testDb();
    const accepted = await orderIn("ACCEPTED");
    const viewer = { role: "OPD_STAFF" as const, opdId: accepted.opdId, vendorId: null };
    expect(
      (await getOrderDocument(db, { actor: viewer, orderId: accepted.id, kind: "surat-pesanan" })).document,
    ).not.toBeNull();
    expect(await getOrderDocument(db, { actor: viewer, orderId: accepted.id, kind: "bast" })).toEqual({
      document: null,
      reason: "NOT_AVAILABLE",
    });
    const offered = await orderIn("OFFERED");
    expect(
      await getOrderDocument(db, {
        actor: { role: "OPD_STAFF", opdId: offered.opdId, vendorId: null },
        orderId: offered.id,
        kind: "surat-pesanan",
      }),
    ).toEqual({ document: null, reason: "NOT_AVAILABLE" });
  });

  it("renders both as PDFs with the heading, both parties, the amount in figures and words, and signatures", async () => {
    const db = testDb();
    const o = await orderIn("DELIVERED");
    const viewer = { role: "ADMIN" as const, opdId: null, vendorId: null };
    const sp = (await getOrderDocument(db, { actor: viewer, orderId: o.id, kind: "surat-pesanan" })).document!;
    const pdf = await renderOrderDocumentPdf(sp, now);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const expected of [
      "PEMERINTAH KOTA MOJOKERTO",
      o.opd.name.toUpperCase(),
      "SURAT PESANAN",
      `SP/${o.number}`,
      o.vendor!.name,
      o.vendor!.ownerName,
      "PIHAK PERTAMA",
      "PIHAK KEDUA",
      terbilangRupiah(Number(o.total)),
    ]) {
      expect(text).toContain(expected);
    }
    expect(documentFileName(sp)).toMatch(/^SP-[A-Za-z0-9-]+\.pdf$/);

    const bast = (await getOrderDocument(db, { actor: viewer, orderId: o.id, kind: "bast" })).document!;
    const bastText = pdfText(await renderOrderDocumentPdf(bast, now));
    const received = o.fulfilments[0]!.quantityReceived ?? o.pax;
    expect(bastText).toContain("BERITA ACARA SERAH TERIMA");
    expect(bastText).toContain(`BAST/${o.number}`);
    expect(bastText).toContain(terbilangRupiah(received * Number(o.unitPrice)));

    // Characters the embedded font draws print as typed (ǍǦ, Łódź); emoji and characters outside it never print as
    // garbage or boxes; a long name wraps inside the margin.
    const odd = {
      ...sp,
      eventName: `Rapat 🍱🎉 Ruang ǍǦ Łódź 会议 ${"Panjang".repeat(30)}`,
      vendor: { ...sp.vendor, name: "Dapur 👩‍🍳 Bu Sri" },
    };
    const oddText = pdfText(await renderOrderDocumentPdf(odd as typeof sp, now));
    expect(oddText).toContain("Rapat Ruang ǍǦ Łódź ??");
    expect(oddText).not.toContain("\uFFFD");
    expect(oddText).toContain("Dapur Bu Sri");
    expect(oddText).not.toMatch(/Ø|ß|‹|Ã/);
  });

  it("exports the OPD's orders to Excel with NPWP, amounts and the tax estimate, honouring the filters", async () => {
    const db = testDb();
    const o = await orderIn("DELIVERED");
    const all = await exportOpdOrders(db, { actor: { role: "OPD_STAFF", opdId: o.opdId }, query: {} });
    expect(all.rows.length).toBe(await db.order.count({ where: { opdId: o.opdId } }));
    const delivered = await exportOpdOrders(db, {
      actor: { role: "OPD_STAFF", opdId: o.opdId },
      query: { status: "DELIVERED" },
    });
    expect(delivered.rows.every((r) => r.status === "DELIVERED")).toBe(true);
    const row = delivered.rows.find((r) => r.number === o.number)!;
    const basis = taxBasisOf(o.vendor!);
    expect(row.tax).toEqual(expect.objectContaining({ basis, amount: estimateTax(Number(o.total), basis) }));
    expect(all.rows.filter((r) => r.status === "CANCELLED").every((r) => r.tax === null)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await renderOrdersXlsx(all.opdName, all.rows, now, "Semua pesanan.")).buffer);
    const ws = wb.getWorksheet("Pesanan")!;
    expect(String(ws.getCell("A1").value)).toContain(o.opd.name);
    expect(ws.getRow(4).getCell(12).value).toBe("NPWP");
    const found = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell(2).value === o.number)!;
    expect(found.getCell(15).value).toBe(Number(o.total));
    expect(found.getCell(12).value).toBe(o.vendor!.npwp ?? "");
    expect(found.getCell(18).value).toBe(row.tax!.amount);
    // Delivered and committed are summed apart, with formulas Excel recalculates; nothing else is added in.
    const lastData = 4 + all.rows.length;
    const deliveredRow = ws.getRow(lastData + 1);
    const committedRow = ws.getRow(lastData + 2);
    expect(deliveredRow.getCell(4).value).toBe("Jumlah terealisasi (sudah diterima OPD)");
    expect(committedRow.getCell(4).value).toBe("Jumlah belum terealisasi (diterima UMKM, belum diantar)");
    const cell = (r: typeof deliveredRow, c: number) => r.getCell(c).value as { formula: string; result: number };
    expect(cell(deliveredRow, 15).formula).toBe(`SUMIF(F5:F${lastData},"Terkirim",O5:O${lastData})`);
    const sumOf = (status: string) => all.rows.filter((r) => r.status === status).reduce((a, r) => a + r.total, 0);
    expect(cell(deliveredRow, 15).result).toBe(sumOf("DELIVERED"));
    expect(cell(committedRow, 15).result).toBe(sumOf("ACCEPTED"));
    expect(String(ws.getRow(lastData + 3).getCell(4).value)).toContain("tidak dijumlahkan");
  });
});
