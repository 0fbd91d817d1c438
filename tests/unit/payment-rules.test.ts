// Issue 20: the payment rules in lib/domain/payment.ts — where a delivered order stands, what a payment may be, when a
// kuitansi needs an e-meterai, and how days-to-pay are counted (the PaymentMonthly trigger mirrors daysToPay; the
// integration test compares them).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  averageDays,
  daysToPay,
  isOverdue,
  mayInvoice,
  meteraiRequired,
  outstanding,
  payableStage,
  paymentIssue,
  suggestedWithholding,
  PAYABLE_STAGES,
} from "@/lib/domain/payment";
import { DEFAULT_SETTINGS, resolveSettings } from "@/lib/domain/settings";

const ok = {
  gross: 1_000_000,
  taxWithheld: 20_000,
  method: "LS" as const,
  reference: "SP2D 12/LS/2026",
  paidOn: "2026-06-20",
  bastDay: "2026-06-10",
  today: "2026-06-21",
  owed: 1_000_000,
};

describe("where a delivered order's money stands", () => {
  it("follows the invoice, then the money", () => {
    expect(payableStage({ amount: 100, paidGross: 0, invoiceStatus: null })).toBe("AWAITING_INVOICE");
    expect(payableStage({ amount: 100, paidGross: 0, invoiceStatus: "RETURNED" })).toBe("INVOICE_RETURNED");
    expect(payableStage({ amount: 100, paidGross: 0, invoiceStatus: "SUBMITTED" })).toBe("INVOICE_REVIEW");
    expect(payableStage({ amount: 100, paidGross: 0, invoiceStatus: "ACCEPTED" })).toBe("AWAITING_PAYMENT");
    expect(payableStage({ amount: 100, paidGross: 40, invoiceStatus: "ACCEPTED" })).toBe("PARTIALLY_PAID");
    expect(payableStage({ amount: 100, paidGross: 100, invoiceStatus: "ACCEPTED" })).toBe("PAID");
  });

  it("is always one of the stages; paid in full exactly when nothing is owed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(null, "SUBMITTED", "RETURNED", "ACCEPTED"),
        (amount, paid, inv) => {
          const p = { amount, paidGross: Math.min(paid, amount), invoiceStatus: inv as never };
          const stage = payableStage(p);
          expect(PAYABLE_STAGES).toContain(stage);
          expect(stage === "PAID").toBe(outstanding(p) === 0);
        },
      ),
    );
  });

  it("lets the vendor invoice only while no invoice is under review or accepted", () => {
    expect([null, "RETURNED", "SUBMITTED", "ACCEPTED"].map((s) => mayInvoice({ invoiceStatus: s as never }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("a payment", () => {
  it("is accepted when it fits, refused with the field at fault otherwise", () => {
    expect(paymentIssue(ok)).toBeNull();
    expect(paymentIssue({ ...ok, method: "UP_GU", reference: null })).toBeNull();
    expect(paymentIssue({ ...ok, gross: 0 })).toEqual({ field: "gross", code: "NOT_POSITIVE" });
    expect(paymentIssue({ ...ok, gross: 1_000_001 })).toEqual({ field: "gross", code: "ABOVE_OUTSTANDING" });
    expect(paymentIssue({ ...ok, taxWithheld: 1_000_000 })).toEqual({ field: "taxWithheld", code: "OUT_OF_RANGE" });
    expect(paymentIssue({ ...ok, taxWithheld: -1 })).toEqual({ field: "taxWithheld", code: "OUT_OF_RANGE" });
    expect(paymentIssue({ ...ok, method: "KKPD", reference: "  " })).toEqual({ field: "reference", code: "REQUIRED" });
    expect(paymentIssue({ ...ok, paidOn: "2026-06-22" })).toEqual({ field: "paidOn", code: "IN_FUTURE" });
    expect(paymentIssue({ ...ok, paidOn: "2026-06-09" })).toEqual({ field: "paidOn", code: "BEFORE_BAST" });
  });

  it("never lets the sum paid pass what the BAST says", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 12 }), (parts) => {
        const amount = 5_000_000;
        let paid = 0;
        for (const gross of parts) {
          if (paymentIssue({ ...ok, gross, taxWithheld: 0, owed: outstanding({ amount, paidGross: paid }) }) === null)
            paid += gross;
        }
        expect(paid).toBeLessThanOrEqual(amount);
      }),
    );
  });

  it("suggests the vendor's withholding: PP 55 0.5 %, PPh 23 2 %, 4 % without NPWP", () => {
    expect(suggestedWithholding(1_920_000, "PP55")).toBe(9_600);
    expect(suggestedWithholding(1_920_000, "PPH23")).toBe(38_400);
    expect(suggestedWithholding(1_920_000, "PPH23_NO_NPWP")).toBe(76_800);
  });
});

describe("the e-meterai and the days", () => {
  it("asks for an e-meterai above the threshold only (Rp5.000.000 by default, a setting)", () => {
    expect(meteraiRequired(5_000_000, DEFAULT_SETTINGS.meteraiThreshold)).toBe(false);
    expect(meteraiRequired(5_000_001, DEFAULT_SETTINGS.meteraiThreshold)).toBe(true);
    expect(resolveSettings({ meteraiThreshold: 10_000_000 }).meteraiThreshold).toBe(10_000_000);
    expect(resolveSettings({ paymentTargetDays: "lima" }).paymentTargetDays).toBe(14);
  });

  it("counts calendar days, across months and years, never negative", () => {
    expect(daysToPay("2026-06-10", "2026-06-20")).toBe(10);
    expect(daysToPay("2026-12-28", "2027-01-04")).toBe(7);
    expect(daysToPay("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysToPay("2026-06-20", "2026-06-10")).toBe(0);
  });

  it("calls overdue only what is unpaid past the target", () => {
    expect(isOverdue("2026-06-01", "2026-06-15", 14, false)).toBe(false);
    expect(isOverdue("2026-06-01", "2026-06-16", 14, false)).toBe(true);
    expect(isOverdue("2026-06-01", "2026-07-16", 14, true)).toBe(false);
  });

  it("averages to one decimal, and has no average for no payment (never 0)", () => {
    expect(averageDays(0, 0)).toBeNull();
    expect(averageDays(25, 3)).toBe(8.3);
  });
});
