// The money side of one order for its page (issue 20): what is owed, the invoices (newest first), the payments and
// their reversals, and what the viewer may do — the vendor invoice, the OPD's staff check the invoice, its treasurers
// record and reverse payments. Null when the order has no BAST yet, or the viewer may not see it.
import type { Tx } from "@/lib/db/client";
import { rp } from "@/lib/domain/money";
import { payableStage, outstanding, mayInvoice, suggestedWithholding, type PayableStage } from "@/lib/domain/payment";
import { taxBasisOf, type TaxBasis } from "@/lib/domain/tax";
import type { InvoiceStatus, PaymentMethod, Role } from "@/lib/generated/prisma/enums";
import { isTreasurer } from "@/lib/data/payments/payable-access";

export interface OrderPaymentViewer {
  id: string;
  role: Role;
  opdId?: string | null;
  vendorId?: string | null;
}

export interface OrderPayment {
  orderId: string;
  amount: number;
  bastAt: Date;
  stage: PayableStage;
  owed: number;
  paidGross: number;
  taxWithheld: number;
  paidNet: number;
  paidOn: Date | null;
  taxBasis: TaxBasis;
  /** The withholding suggested on paying what is still owed. */
  suggestedTax: number;
  bank: { bankName: string | null; bankAccountNumber: string | null; bankAccountName: string | null };
  invoices: {
    id: string;
    number: string;
    amount: number;
    status: InvoiceStatus;
    submittedAt: Date;
    reviewedAt: Date | null;
    returnReason: string | null;
    meteraiRequired: boolean;
    bankName: string;
    bankAccountNumber: string;
    bankAccountName: string;
  }[];
  payments: {
    id: string;
    method: PaymentMethod;
    paidOn: Date;
    reference: string | null;
    gross: number;
    taxWithheld: number;
    net: number;
    note: string | null;
    reversesId: string | null;
    reversed: boolean;
    recordedAt: Date;
  }[];
  may: { invoice: boolean; review: boolean; pay: boolean; reverse: boolean; treasurer: boolean };
}

export async function getOrderPayment(
  tx: Tx,
  opts: { actor: OrderPaymentViewer; orderId: string },
): Promise<OrderPayment | null> {
  const { actor: viewer, orderId } = opts;
  const p = await tx.payable.findUnique({
    where: { orderId },
    include: {
      invoices: { orderBy: { submittedAt: "desc" } },
      payments: { orderBy: { recordedAt: "asc" }, include: { reversal: { select: { id: true } } } },
    },
  });
  if (!p) return null;
  const sees =
    viewer.role === "ADMIN" ||
    viewer.role === "MAYOR" ||
    (viewer.role === "OPD_STAFF" && viewer.opdId === p.opdId) ||
    (viewer.role === "VENDOR" && viewer.vendorId === p.vendorId);
  if (!sees) return null;
  const [vendor, treasurer] = await Promise.all([
    tx.vendor.findUniqueOrThrow({
      where: { id: p.vendorId },
      select: { hasPp55: true, npwp: true, bankName: true, bankAccountNumber: true, bankAccountName: true },
    }),
    viewer.role === "OPD_STAFF" ? isTreasurer(tx, viewer.id) : false,
  ]);
  const state = { amount: rp(p.amount), paidGross: rp(p.paidGross), invoiceStatus: p.invoiceStatus };
  const owed = outstanding(state);
  const basis = taxBasisOf(vendor);
  const ownOpd = viewer.role === "OPD_STAFF" && viewer.opdId === p.opdId;
  return {
    orderId,
    amount: state.amount,
    bastAt: p.bastAt,
    stage: payableStage(state),
    owed,
    paidGross: state.paidGross,
    taxWithheld: rp(p.taxWithheld),
    paidNet: rp(p.paidNet),
    paidOn: p.paidOn,
    taxBasis: basis,
    suggestedTax: suggestedWithholding(owed, basis),
    bank: {
      bankName: vendor.bankName,
      bankAccountNumber: vendor.bankAccountNumber,
      bankAccountName: vendor.bankAccountName,
    },
    invoices: p.invoices.map((i) => ({
      id: i.id,
      number: i.number,
      amount: rp(i.amount),
      status: i.status,
      submittedAt: i.submittedAt,
      reviewedAt: i.reviewedAt,
      returnReason: i.returnReason,
      meteraiRequired: i.meteraiRequired,
      bankName: i.bankName,
      bankAccountNumber: i.bankAccountNumber,
      bankAccountName: i.bankAccountName,
    })),
    payments: p.payments.map((x) => ({
      id: x.id,
      method: x.method,
      paidOn: x.paidOn,
      reference: x.reference,
      gross: rp(x.gross),
      taxWithheld: rp(x.taxWithheld),
      net: rp(x.net),
      note: x.note,
      reversesId: x.reversesId,
      reversed: x.reversal !== null,
      recordedAt: x.recordedAt,
    })),
    may: {
      invoice: viewer.role === "VENDOR" && mayInvoice(state) && owed > 0,
      review: ownOpd && p.invoiceStatus === "SUBMITTED",
      pay: ownOpd && treasurer && p.invoiceStatus === "ACCEPTED" && owed > 0,
      reverse: ownOpd && treasurer,
      treasurer: ownOpd && treasurer,
    },
  };
}
