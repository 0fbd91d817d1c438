// Issue 20: from the BAST to money in the vendor's account — the payable made with the BAST, the vendor's invoice
// (double submission, returned and resubmitted), the OPD's check, the treasurer's payments (partial, too much, another
// OPD, not a treasurer, the same form twice), reversals (never an overwrite, once only), the vendor told, and
// days-to-pay: the PaymentMonthly trigger compared with lib/domain/payment.ts daysToPay on the same data.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, staffActor, vendorActor, withSettings } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { submitInvoice } from "@/lib/data/payments/submit-invoice";
import { reviewInvoice } from "@/lib/data/payments/review-invoice";
import { recordPayment } from "@/lib/data/payments/record-payment";
import { reversePayment } from "@/lib/data/payments/reverse-payment";
import { getOrderPayment } from "@/lib/data/payments/get-order-payment";
import { listPayables } from "@/lib/data/payments/list-payables";
import { daysToPay } from "@/lib/domain/payment";
import { getInvoiceDocument } from "@/lib/data/documents/get-invoice-document";
import { renderKuitansiPdf } from "@/lib/documents/kuitansi-pdf";
import { terbilangRupiah } from "@/lib/domain/terbilang";
import { pdfText } from "@/tests/support/pdf-text";
import { isAppError } from "@/lib/errors";
import { wibDay } from "@/lib/format";

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  return isAppError(e) ? { code: e.code, fields: Object.keys((e.details?.issues as object) ?? {}) } : e;
}

const BANK = { bankName: "Bank Jatim", bankAccountNumber: "0012 3456 78", bankAccountName: "Sri Wahyuni" };

/** A delivered order of OPD 0 (50 portions at Rp40.000, 48 received: the BAST says Rp1.920.000). */
async function deliveredOrder(day = "2026-06-10") {
  const db = testDb();
  const city = await createCity(db, { opds: 2, vendors: 1, pools: [[0], [0]], capacity: 10_000 });
  const r = await submitOrder(db, {
    clock: fixedClock("2026-06-01T02:00:00Z"),
    actor: staffActor(city, 0),
    input: orderInput({ deliveryAt: new Date(`${day}T03:00:00Z`) }),
  });
  if (r.route?.kind !== "OFFERED") throw new Error("not offered");
  const v = city.vendors[0]!;
  await acceptOffer(db, {
    clock: fixedClock("2026-06-01T03:00:00Z"),
    actor: vendorActor(city, v.id),
    offerId: r.route.offerId,
  });
  await confirmDelivery(db, {
    clock: fixedClock(`${day}T05:00:00Z`),
    actor: staffActor(city, 0),
    orderId: r.orderId,
    input: {
      deliveredAt: new Date(`${day}T03:00:00Z`),
      quantityReceived: 48,
      rating: 5,
    },
  });
  const treasurer = { ...staffActor(city, 0) };
  await db.user.update({ where: { id: treasurer.id }, data: { treasurer: true } });
  return { db, city, orderId: r.orderId, vendor: vendorActor(city, v.id), staff: staffActor(city, 0), treasurer };
}

const pay = (over: Record<string, unknown> = {}) => ({
  method: "LS",
  paidOn: "2026-06-20",
  reference: "SP2D 0123/LS/2026",
  gross: "1.920.000",
  taxWithheld: "38.400",
  ...over,
});

describe("getting paid", () => {
  it("owes the BAST's amount from the BAST; the vendor invoices once, the OPD returns it, the vendor resubmits", async () => {
    const { db, city, orderId, vendor, staff } = await deliveredOrder();
    const clock = fixedClock("2026-06-11T02:00:00Z");
    const p = await db.payable.findUniqueOrThrow({ where: { orderId } });
    expect(Number(p.amount)).toBe(48 * 40_000);
    expect(wibDay(p.bastAt)).toBe("2026-06-10");

    // Another figure than what the BAST says is owed is refused (more, or less); nothing written.
    expect(
      await refusal(submitInvoice(db, { clock, actor: vendor, orderId, input: { ...BANK, amount: "2.000.000" } })),
    ).toMatchObject({ code: "VALIDATION", fields: ["amount"] });
    expect(
      await refusal(submitInvoice(db, { clock, actor: vendor, orderId, input: { ...BANK, amount: "1.000.000" } })),
    ).toMatchObject({ code: "VALIDATION", fields: ["amount"] });
    // Another vendor, or an OPD, cannot invoice it.
    expect(
      await refusal(
        submitInvoice(db, {
          clock,
          actor: { ...vendor, vendorId: city.opds[0]!.id },
          orderId,
          input: { ...BANK, amount: "1.920.000" },
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.invoice.count({ where: { orderId } })).toBe(0);

    // Two taps at once: one invoice.
    const both = await Promise.allSettled([
      submitInvoice(db, { clock, actor: vendor, orderId, input: { ...BANK, amount: "1.920.000" } }),
      submitInvoice(db, { clock, actor: vendor, orderId, input: { ...BANK, amount: "1.920.000" } }),
    ]);
    expect(both.filter((b) => b.status === "fulfilled")).toHaveLength(1);
    expect(await db.invoice.count({ where: { orderId } })).toBe(1);
    // The bank account went to the profile (digits only), audited.
    const v = await db.vendor.findUniqueOrThrow({ where: { id: vendor.vendorId } });
    expect(v.bankAccountNumber).toBe("0012345678");
    expect(
      await db.auditLog.count({ where: { action: "vendor.bank_account_updated", entityId: vendor.vendorId } }),
    ).toBe(1);
    // The OPD's staff were told.
    expect(await db.notification.count({ where: { kind: "invoice.submitted", userId: staff.id } })).toBe(1);

    // Another OPD cannot check it; a return needs a reason.
    expect(
      await refusal(reviewInvoice(db, { clock, actor: staffActor(city, 1), orderId, input: { decision: "ACCEPT" } })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(reviewInvoice(db, { clock, actor: staff, orderId, input: { decision: "RETURN", reason: "x" } })),
    ).toMatchObject({ code: "VALIDATION", fields: ["reason"] });
    await reviewInvoice(db, {
      clock,
      actor: staff,
      orderId,
      input: { decision: "RETURN", reason: "Nama pemilik rekening tidak sama dengan NPWP" },
    });
    const returned = await getOrderPayment(db, { actor: { ...vendor, role: "VENDOR" }, orderId });
    expect(returned?.stage).toBe("INVOICE_RETURNED");
    expect(returned?.may.invoice).toBe(true);
    expect(await db.notification.count({ where: { kind: "invoice.returned", userId: vendor.id } })).toBe(1);

    // Resubmitted (a new kuitansi number), accepted: invoice → paid counts from this submission.
    const second = await submitInvoice(db, {
      clock: fixedClock("2026-06-12T02:00:00Z"),
      actor: vendor,
      orderId,
      input: { ...BANK, bankAccountName: "Sri Wahyuni (Dapur Sri)", amount: "1.920.000" },
    });
    expect(second.number).toMatch(/-2$/);
    await reviewInvoice(db, {
      clock: fixedClock("2026-06-12T03:00:00Z"),
      actor: staff,
      orderId,
      input: { decision: "ACCEPT" },
    });
    const accepted = await db.payable.findUniqueOrThrow({ where: { orderId } });
    expect(accepted.invoiceStatus).toBe("ACCEPTED");
    expect(wibDay(accepted.invoicedAt!)).toBe("2026-06-12");
  });

  it("records partial payments by the treasurer only, refuses too much, counts one form once, and reverses without overwriting", async () => {
    const { db, city, orderId, vendor, staff, treasurer } = await deliveredOrder();
    const clock = fixedClock("2026-06-21T02:00:00Z");
    // No payment before the invoice is accepted.
    expect(await refusal(recordPayment(db, { clock, actor: treasurer, orderId, input: pay() }))).toMatchObject({
      code: "INVALID_STATE",
    });
    await submitInvoice(db, { clock, actor: vendor, orderId, input: { ...BANK, amount: "1.920.000" } });
    await reviewInvoice(db, { clock, actor: staff, orderId, input: { decision: "ACCEPT" } });

    // Staff without the treasurer permission, and another OPD's treasurer, are refused.
    const plain = await db.user.create({
      data: {
        username: `staf-${Date.now()}`,
        name: "Staf",
        passwordHash: "x",
        role: "OPD_STAFF",
        opdId: city.opds[0]!.id,
      },
    });
    expect(
      await refusal(
        recordPayment(db, {
          clock,
          actor: { id: plain.id, role: "OPD_STAFF", opdId: city.opds[0]!.id },
          orderId,
          input: pay(),
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    const other = staffActor(city, 1);
    await db.user.update({ where: { id: other.id }, data: { treasurer: true } });
    expect(await refusal(recordPayment(db, { clock, actor: other, orderId, input: pay() }))).toMatchObject({
      code: "NOT_FOUND",
    });
    // Bad input: in the future, before the BAST, no SP2D number for LS, more than owed, tax not below the amount.
    for (const [over, field] of [
      [{ paidOn: "2026-06-22" }, "paidOn"],
      [{ paidOn: "2026-06-09" }, "paidOn"],
      [{ reference: "" }, "reference"],
      [{ gross: "2.000.000" }, "gross"],
      [{ taxWithheld: "1.920.000" }, "taxWithheld"],
    ] as const) {
      expect(await refusal(recordPayment(db, { clock, actor: treasurer, orderId, input: pay(over) }))).toMatchObject({
        code: "VALIDATION",
        fields: [field],
      });
    }
    expect(await db.payment.count({ where: { orderId } })).toBe(0);

    // A first part by UP/GU (no reference needed), the same form sent twice: one payment.
    const key = crypto.randomUUID();
    const part = pay({
      method: "UP_GU",
      reference: "",
      gross: "1.000.000",
      taxWithheld: "20.000",
      idempotencyKey: key,
    });
    const [a, b] = await Promise.all([
      recordPayment(db, { clock, actor: treasurer, orderId, input: part }),
      recordPayment(db, { clock, actor: treasurer, orderId, input: part }),
    ]);
    expect(a.paymentId).toBe(b.paymentId);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    let p = await db.payable.findUniqueOrThrow({ where: { orderId } });
    expect([Number(p.paidGross), Number(p.paidNet), p.paidOn]).toEqual([1_000_000, 980_000, null]);
    expect((await getOrderPayment(db, { actor: treasurer, orderId }))?.stage).toBe("PARTIALLY_PAID");
    // The rest, more than the rest refused.
    expect(
      await refusal(recordPayment(db, { clock, actor: treasurer, orderId, input: pay({ gross: "1.000.000" }) })),
    ).toMatchObject({ code: "VALIDATION", fields: ["gross"] });
    const rest = await recordPayment(db, {
      clock,
      actor: treasurer,
      orderId,
      input: pay({ gross: "920.000", taxWithheld: "18.400", paidOn: "2026-06-20" }),
    });
    expect(rest.paidInFull).toBe(true);
    p = await db.payable.findUniqueOrThrow({ where: { orderId } });
    expect(p.paidOn?.toISOString().slice(0, 10)).toBe("2026-06-20");
    expect(await db.notification.count({ where: { kind: "payment.recorded", userId: vendor.id } })).toBe(2);
    const month = await db.paymentMonthly.findMany({ where: { opdId: staff.opdId } });
    expect(month).toHaveLength(1);
    expect(Number(month[0]!.daysFromBast)).toBe(daysToPay("2026-06-10", "2026-06-20"));
    expect(Number(month[0]!.daysFromInvoice)).toBe(daysToPay("2026-06-21", "2026-06-20"));

    // A payment row is never changed.
    await expect(db.payment.update({ where: { id: rest.paymentId }, data: { reference: "edited" } })).rejects.toThrow();
    // A reversal needs a reason; reverses once; a reversal is not reversed; the rollup forgets the paid order.
    expect(
      await refusal(reversePayment(db, { clock, actor: treasurer, paymentId: rest.paymentId, input: { reason: "" } })),
    ).toMatchObject({ code: "VALIDATION" });
    expect(
      await refusal(
        reversePayment(db, {
          clock,
          actor: other,
          paymentId: rest.paymentId,
          input: { reason: "Salah catat nomor SP2D" },
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    const rev = await reversePayment(db, {
      clock,
      actor: treasurer,
      paymentId: rest.paymentId,
      input: { reason: "Salah catat nomor SP2D" },
    });
    expect(
      await refusal(
        reversePayment(db, {
          clock,
          actor: treasurer,
          paymentId: rest.paymentId,
          input: { reason: "Salah catat lagi" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_STATE" });
    expect(
      await refusal(
        reversePayment(db, {
          clock,
          actor: treasurer,
          paymentId: rev.reversalId,
          input: { reason: "Salah catat lagi" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_STATE" });
    p = await db.payable.findUniqueOrThrow({ where: { orderId } });
    expect([Number(p.paidGross), p.paidOn]).toEqual([1_000_000, null]);
    expect(await db.payment.count({ where: { orderId } })).toBe(3);
    const after = await db.paymentMonthly.findMany({ where: { opdId: staff.opdId } });
    expect(after.map((m) => m.paidCount)).toEqual([0]);
    expect(
      await db.auditLog.count({
        where: { entityId: orderId, action: { in: ["payment.recorded", "payment.reversed"] } },
      }),
    ).toBe(3);
  });

  it("lists the vendor's money and the OPD's debts by stage, with what is overdue", async () => {
    const { db, orderId, vendor, staff } = await deliveredOrder("2026-06-05");
    const clock = fixedClock("2026-06-25T02:00:00Z");
    const mine = await listPayables(db, { clock, actor: vendor, query: {}, targetDays: 14 });
    expect(mine.rows.map((r) => [r.orderId, r.stage, r.overdue])).toEqual([[orderId, "AWAITING_INVOICE", true]]);
    expect(mine.totals).toMatchObject({ owed: 1_920_000, awaitingInvoice: 1, overdue: 1 });
    const theirs = await listPayables(db, {
      clock,
      actor: staff,
      query: { stage: "PAID" },
      targetDays: 14,
    });
    expect(theirs.rows).toEqual([]);
    const searched = await listPayables(db, {
      clock,
      actor: staff,
      query: { q: "koordinasi", stage: "AWAITING_INVOICE" },
      targetDays: 60,
    });
    expect(searched.rows.map((r) => [r.orderId, r.overdue])).toEqual([[orderId, false]]);
    // Each sees only its own: anyone else (an admin has neither a vendor nor an OPD) is refused.
    await expect(
      listPayables(db, { clock, actor: { role: "ADMIN" }, query: {}, targetDays: 14 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("prints the kuitansi: amount in words, what for, the account, the e-meterai above the threshold, returned marked", async () => {
    const { db, city, orderId, vendor, staff } = await deliveredOrder();
    const clock = fixedClock("2026-06-11T02:00:00Z");
    // The threshold is a setting: at Rp1.000.000 this invoice needs an e-meterai.
    const first = await withSettings(db, { meteraiThreshold: 1_000_000 }, () =>
      submitInvoice(db, {
        clock,
        actor: vendor,
        orderId,
        input: { ...BANK, amount: "1.920.000", note: "Mohon dibayar ke rekening 😊 ini" },
      }),
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: first.invoiceId } })).meteraiRequired).toBe(true);
    await reviewInvoice(db, {
      clock,
      actor: staff,
      orderId,
      input: { decision: "RETURN", reason: "Nomor rekening kurang satu angka" },
    });
    const doc = await getInvoiceDocument(db, {
      actor: { role: "VENDOR", opdId: null, vendorId: vendor.vendorId },
      invoiceId: first.invoiceId,
    });
    expect(doc).not.toBeNull();
    const text = pdfText(await renderKuitansiPdf(doc!, clock.now(), 1_000_000));
    expect(text).toContain("KUITANSI");
    expect(text).toContain(first.number);
    expect(text).toContain(terbilangRupiah(1_920_000));
    expect(text).toContain("Bank Jatim nomor 0012345678 atas nama Sri Wahyuni");
    expect(text).toContain("e-meterai");
    expect(text).toContain("DIKEMBALIKAN");
    expect(text).not.toContain("\uFFFD");
    // Another OPD, another vendor: nothing.
    expect(
      await getInvoiceDocument(db, {
        actor: { role: "OPD_STAFF", opdId: city.opds[1]!.id, vendorId: null },
        invoiceId: first.invoiceId,
      }),
    ).toBeNull();
    expect(
      await getInvoiceDocument(db, {
        actor: { role: "VENDOR", opdId: null, vendorId: city.opds[0]!.id },
        invoiceId: first.invoiceId,
      }),
    ).toBeNull();
    // Below the threshold (a setting): no e-meterai.
    const below = pdfText(
      await renderKuitansiPdf({ ...doc!, meteraiRequired: false, status: "ACCEPTED" }, clock.now(), 5_000_000),
    );
    expect(below).not.toContain("e-meterai");
    expect(below).not.toContain("DIKEMBALIKAN");
  });
});
