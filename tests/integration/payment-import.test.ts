// Issue 20: the treasurer's payments from a spreadsheet — read from the template's columns (xlsx and CSV with ;),
// every row checked as the payment form checks it (rows of one order added up in file order), unknown values refused
// with their row in the treasurer's words, nothing recorded unless every row is valid, then all recorded at once with
// their audit rows and the vendors told; another OPD's orders and staff without the permission refused.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, staffActor, vendorActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { submitInvoice } from "@/lib/data/payments/submit-invoice";
import { reviewInvoice } from "@/lib/data/payments/review-invoice";
import { commitPaymentImport } from "@/lib/data/payments/import-payments/commit-payment-import";
import { parseMethod } from "@/lib/data/payments/import-payments/check-payment-rows";
import { previewPaymentImport } from "@/lib/data/payments/import-payments/preview-payment-import";
import { readPaymentSheet, renderPaymentTemplate } from "@/lib/documents/payment-import-files";
import { isAppError } from "@/lib/errors";
import { inIndonesian, readable } from "@/tests/support/in-words";

const BANK = { bankName: "Bank Jatim", bankAccountNumber: "0012345678", bankAccountName: "Sri" };

/** Two OPDs; OPD 0 has `n` delivered, invoiced and accepted orders (50 × Rp40.000 each). */
async function city(n: number) {
  const db = testDb();
  const c = await createCity(db, {
    opds: 2,
    vendors: 2,
    pools: [
      [0, 1],
      [0, 1],
    ],
    capacity: 10_000,
  });
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await submitOrder(db, {
      clock: fixedClock("2026-06-01T02:00:00Z"),
      actor: staffActor(c, 0),
      input: orderInput({ deliveryAt: new Date(`2026-06-1${i}T03:00:00Z`) }),
    });
    if (r.route?.kind !== "OFFERED") throw new Error("not offered");
    await acceptOffer(db, {
      clock: fixedClock("2026-06-01T03:00:00Z"),
      actor: vendorActor(c, r.route.vendorId),
      offerId: r.route.offerId,
    });
    await confirmDelivery(db, {
      clock: fixedClock(`2026-06-1${i}T05:00:00Z`),
      actor: staffActor(c, 0),
      orderId: r.orderId,
      input: {
        deliveredAt: new Date(`2026-06-1${i}T03:00:00Z`),
        quantityReceived: 50,
      },
    });
    const at = fixedClock("2026-06-20T02:00:00Z");
    await submitInvoice(db, {
      clock: at,
      actor: vendorActor(c, r.route.vendorId),
      orderId: r.orderId,
      input: { ...BANK, amount: "2.000.000" },
    });
    await reviewInvoice(db, { clock: at, actor: staffActor(c, 0), orderId: r.orderId, input: { decision: "ACCEPT" } });
    numbers.push((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).number);
  }
  const treasurer = staffActor(c, 0);
  await db.user.update({ where: { id: treasurer.id }, data: { treasurer: true } });
  return { db, c, numbers, treasurer };
}

const clock = fixedClock("2026-06-25T03:00:00Z");

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await renderPaymentTemplate()).buffer);
  const ws = wb.getWorksheet("Pembayaran")!;
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("importing payments", () => {
  it("reads the methods treasurers write", () => {
    expect(["LS", "ls", "UP/GU", "up / gu", "GU", "KKPD", "SP2D", "tunai"].map(parseMethod)).toEqual([
      "LS",
      "LS",
      "UP_GU",
      "UP_GU",
      "UP_GU",
      "KKPD",
      "LS",
      null,
    ]);
  });

  it("refuses the whole file for one bad row, each with its row and reason; then records a good file at once", async () => {
    const { db, numbers, treasurer } = await city(2);
    const [a, b] = numbers as [string, string];
    const bad = await readPaymentSheet(
      await workbook([
        [a, "2026-06-21", "LS", "SP2D 1/LS/2026", "1.000.000", "", ""],
        [a, "21/06/2026", "LS", "SP2D 2/LS/2026", "1.500.000", "", ""], // more than is left after row 2
        [b, "2026-06-21", "tunai", "", "2.000.000", "", ""], // unknown method
        [b, "2026-06-30", "KKPD", "", "2.000.000", "0", ""], // in the future, no slip number
        ["MM-2026-999999", "2026-06-21", "LS", "SP2D 3", "10.000", "", ""], // not this OPD's
      ]),
      "pembayaran.xlsx",
    );
    expect(bad.error).toBeUndefined();
    const report = readable(await previewPaymentImport(db, { clock, actor: treasurer, rows: bad.rows }));
    expect(report.invalid).toBe(4);
    const byRow = Object.fromEntries(report.rows.map((r) => [r.row, r.errors.join(" | ")]));
    expect(byRow[2]).toBe("");
    expect(byRow[3]).toMatch(/^Jumlah: Melebihi sisa tagihan/);
    expect(byRow[4]).toMatch(/Cara bayar: "tunai" tidak dikenal/);
    expect(byRow[5]).toMatch(/Nomor referensi/);
    expect(byRow[6]).toMatch(/bukan pesanan OPD Anda/);
    await expect(commitPaymentImport(db, { clock, actor: treasurer, rows: bad.rows })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await db.payment.count()).toBe(0);

    // A CSV with ; (as Excel in Indonesian saves it), the tax left empty: the vendor's rate applies.
    const csv = Buffer.from(
      [
        "Nomor pesanan;Tanggal bayar;Cara bayar;Nomor referensi;Jumlah (Rp);Pajak dipotong (Rp);Catatan",
        `${a};2026-06-21;LS;SP2D 1/LS/2026;1.000.000;;termin 1`,
        `${a};2026-06-24;LS;SP2D 2/LS/2026;1.000.000;;termin 2`,
        `${b};24/06/2026;UP/GU;;2.000.000;0;`,
      ].join("\n"),
    );
    const good = await readPaymentSheet(csv, "pembayaran.csv");
    const ok = await previewPaymentImport(db, { clock, actor: treasurer, rows: good.rows });
    expect([ok.invalid, ok.valid, ok.total]).toEqual([0, 3, 4_000_000]);
    // Staff without the permission, and another OPD's treasurer, cannot import it.
    await db.user.update({ where: { id: treasurer.id }, data: { treasurer: false } });
    await expect(commitPaymentImport(db, { clock, actor: treasurer, rows: good.rows })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await db.user.update({ where: { id: treasurer.id }, data: { treasurer: true } });
    const r = await commitPaymentImport(db, { clock, actor: treasurer, rows: good.rows });
    expect(r).toEqual({ created: 3, total: 4_000_000 });
    const paid = await db.payable.findMany({
      where: { order: { number: { in: [a, b] } } },
      orderBy: { bastAt: "asc" },
    });
    expect(paid.map((p) => [Number(p.paidGross), p.paidOn?.toISOString().slice(0, 10)])).toEqual([
      [2_000_000, "2026-06-24"],
      [2_000_000, "2026-06-24"],
    ]);
    expect(await db.auditLog.count({ where: { action: "payment.recorded" } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "payments.imported" } })).toBe(1);
    // The same file again: everything is paid now, so every row is refused and nothing is recorded twice.
    const again = await previewPaymentImport(db, { clock, actor: treasurer, rows: good.rows });
    expect(again.invalid).toBe(3);
    expect(await db.payment.count()).toBe(3);
  });

  it("refuses what is not rows, and a file without the template's columns", async () => {
    const { db, treasurer } = await city(0);
    const e = await previewPaymentImport(db, { clock, actor: treasurer, rows: [{ row: "x" }] }).catch((x) => x);
    expect(isAppError(e) && e.code).toBe("VALIDATION");
    const wrong = await readPaymentSheet(Buffer.from("a,b\n1,2\n"), "x.csv");
    expect(inIndonesian(wrong.error)).toMatch(/judul kolom templat/);
  });
});
