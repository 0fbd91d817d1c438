// Getting paid (issue 20), the rules once: where a delivered order stands between the BAST and the money in the
// vendor's account, what a payment may be, when a kuitansi needs an e-meterai, and how days-to-pay are counted.
// SQL that mirrors a rule says so (the PaymentMonthly trigger mirrors daysToPay; the Payable CHECKs mirror
// payableStage's "paid in full") and tests/integration/payments.test.ts compares them on the same data.
import { estimateTax, type TaxBasis } from "@/lib/domain/tax";
import type { InvoiceStatus, PaymentMethod } from "@/lib/generated/prisma/enums";

export const PAYMENT_METHODS = ["UP_GU", "KKPD", "LS"] as const satisfies readonly PaymentMethod[];

/** Methods whose payment always has a reference the treasurer can quote (the SP2D number, the card slip). */
export const METHODS_NEEDING_REFERENCE: readonly PaymentMethod[] = ["LS", "KKPD"];

/** Where a delivered order stands, in the order a vendor lives through it. */
export const PAYABLE_STAGES = [
  "AWAITING_INVOICE",
  "INVOICE_RETURNED",
  "INVOICE_REVIEW",
  "AWAITING_PAYMENT",
  "PARTIALLY_PAID",
  "PAID",
] as const;
export type PayableStage = (typeof PAYABLE_STAGES)[number];

export interface PayableState {
  amount: number;
  paidGross: number;
  invoiceStatus: InvoiceStatus | null;
}

export function payableStage(p: PayableState): PayableStage {
  if (p.amount > 0 && p.paidGross >= p.amount) return "PAID";
  if (p.paidGross > 0) return "PARTIALLY_PAID";
  if (p.invoiceStatus === "ACCEPTED") return "AWAITING_PAYMENT";
  if (p.invoiceStatus === "SUBMITTED") return "INVOICE_REVIEW";
  if (p.invoiceStatus === "RETURNED") return "INVOICE_RETURNED";
  return "AWAITING_INVOICE";
}

/** What is still owed (gross, before tax): never negative. */
export function outstanding(p: Pick<PayableState, "amount" | "paidGross">): number {
  return Math.max(0, p.amount - p.paidGross);
}

/** The vendor may (re)submit an invoice while none is under review or accepted. */
export function mayInvoice(p: Pick<PayableState, "invoiceStatus">): boolean {
  return p.invoiceStatus === null || p.invoiceStatus === "RETURNED";
}

/** Legal threshold of Bea Meterai (UU 10/2020: a receipt stating more than Rp5.000.000); a setting overrides it. */
export const DEFAULT_METERAI_THRESHOLD = 5_000_000;

/** A kuitansi for more than the threshold needs an e-meterai. */
export function meteraiRequired(amount: number, threshold: number): boolean {
  return amount > threshold;
}

export type PaymentIssue =
  | { field: "gross"; code: "NOT_POSITIVE" | "ABOVE_OUTSTANDING" }
  | { field: "taxWithheld"; code: "OUT_OF_RANGE" }
  | { field: "reference"; code: "REQUIRED" }
  | { field: "paidOn"; code: "IN_FUTURE" | "BEFORE_BAST" };

/**
 * Whether a payment may be recorded: a positive amount no larger than what is owed, tax withheld below it, a reference
 * for LS and KKPD, and a day between the BAST and today (WIB days, "YYYY-MM-DD"). The first issue found, or null.
 */
export function paymentIssue(p: {
  gross: number;
  taxWithheld: number;
  method: PaymentMethod;
  reference: string | null;
  paidOn: string;
  bastDay: string;
  today: string;
  owed: number;
}): PaymentIssue | null {
  if (!(p.gross > 0)) return { field: "gross", code: "NOT_POSITIVE" };
  if (p.gross > p.owed) return { field: "gross", code: "ABOVE_OUTSTANDING" };
  if (p.taxWithheld < 0 || p.taxWithheld >= p.gross) return { field: "taxWithheld", code: "OUT_OF_RANGE" };
  if (METHODS_NEEDING_REFERENCE.includes(p.method) && !(p.reference && p.reference.trim()))
    return { field: "reference", code: "REQUIRED" };
  if (p.paidOn > p.today) return { field: "paidOn", code: "IN_FUTURE" };
  if (p.paidOn < p.bastDay) return { field: "paidOn", code: "BEFORE_BAST" };
  return null;
}

/** The tax the treasurer withholds by default on a payment (the vendor's basis, lib/domain/tax.ts). */
export function suggestedWithholding(gross: number, basis: TaxBasis): number {
  return estimateTax(gross, basis);
}

/** Calendar days between two WIB days ("YYYY-MM-DD"), never negative. Mirrored by mm_payment_monthly_add. */
export function daysToPay(fromDay: string, paidDay: string): number {
  const ms = Date.parse(`${paidDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/** Owed past the target: the BAST is more than `targetDays` days before today and it is not paid in full. */
export function isOverdue(bastDay: string, today: string, targetDays: number, paid: boolean): boolean {
  return !paid && daysToPay(bastDay, today) > targetDays;
}

/** Average of a month's days, or null when nothing was paid (shown as "no data", never as 0). */
export function averageDays(total: number, count: number): number | null {
  return count > 0 ? Math.round((total / count) * 10) / 10 : null;
}
