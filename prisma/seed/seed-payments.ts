// The demo's money (issue 20): each delivered order owes its BAST's amount from the BAST on, and its story follows
// its age, so the dashboards tell one — recent ones wait for the vendor's invoice or the OPD's check; older ones are
// mostly paid (most within the target, some weeks late, a few in parts), and some are still unpaid past the target
// (a returned invoice, an invoice never sent, one accepted and forgotten). Amounts, tax and the e-meterai note come
// from the same rules the use cases apply (lib/domain/payment.ts, lib/domain/tax.ts).
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethod } from "@/lib/generated/prisma/enums";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { meteraiRequired } from "@/lib/domain/payment";
import { estimateTax, taxBasisOf } from "@/lib/domain/tax";
import { dayAsDate, wibDay } from "@/lib/format";

interface Rnd {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
}

export interface DeliveredForPayment {
  orderId: string;
  orderNumber: string;
  opdId: string;
  vendorId: string;
  fiscalYear: number;
  amount: number;
  bastAt: Date;
}

const DAY = 86_400_000;

export async function seedPayments(
  tx: Tx,
  opts: {
    rnd: Rnd;
    now: Date;
    delivered: DeliveredForPayment[];
    vendors: Map<string, { hasPp55: boolean; npwp: string | null; ownerName: string }>;
    staffOf: Map<string, string>;
    vendorUserOf: Map<string, string>;
  },
): Promise<{ payables: number; invoices: number; payments: number }> {
  const { rnd, now, delivered } = opts;
  const today = wibDay(now);
  const payables: Prisma.PayableCreateManyInput[] = [];
  const invoices: Prisma.InvoiceCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  let inReview = false;
  for (const d of delivered) {
    const age = Math.floor((now.getTime() - d.bastAt.getTime()) / DAY);
    const vendor = opts.vendors.get(d.vendorId)!;
    const bank = {
      bankName: "Bank Jatim",
      bankAccountNumber: `0${d.vendorId.replace(/\D/g, "").slice(0, 9).padEnd(9, "7")}`,
      bankAccountName: vendor.ownerName,
    };
    const staff = opts.staffOf.get(d.opdId)!;
    const invoiceAt = new Date(d.bastAt.getTime() + rnd.int(0, 3) * DAY + rnd.int(1, 8) * 3_600_000);
    const invoice = (n: number, status: "SUBMITTED" | "RETURNED" | "ACCEPTED", at: Date, reason?: string) =>
      invoices.push({
        orderId: d.orderId,
        number: `KW-${d.orderNumber}-${n}`,
        amount: BigInt(d.amount),
        ...bank,
        meteraiRequired: meteraiRequired(d.amount, DEFAULT_SETTINGS.meteraiThreshold),
        status,
        submittedAt: at,
        submittedById: opts.vendorUserOf.get(d.vendorId)!,
        ...(status === "SUBMITTED"
          ? {}
          : { reviewedAt: new Date(at.getTime() + DAY), reviewedById: staff, returnReason: reason ?? null }),
      });
    const p: Prisma.PayableCreateManyInput = {
      orderId: d.orderId,
      opdId: d.opdId,
      vendorId: d.vendorId,
      fiscalYear: d.fiscalYear,
      amount: BigInt(d.amount),
      bastAt: d.bastAt,
    };
    payables.push(p);
    const invoiceDone = invoiceAt.getTime() + DAY < now.getTime();
    if (age < 2 || !invoiceDone) continue; // waiting for the vendor's invoice
    const story = rnd.next();
    // Half of the recent invoices wait for the OPD's check, and at least one always does (the OPD's first task).
    if (age < 6 && (story < 0.5 || !inReview)) {
      inReview = true;
      invoice(1, "SUBMITTED", invoiceAt);
      p.invoiceStatus = "SUBMITTED";
      continue;
    }
    if (story < 0.06) {
      // Returned and never sent again: owed past the target.
      invoice(1, "RETURNED", invoiceAt, "Nama pemilik rekening berbeda dengan nama di NPWP; mohon diperbaiki.");
      p.invoiceStatus = "RETURNED";
      continue;
    }
    if (story < 0.1) continue; // the vendor never invoiced
    invoice(1, "ACCEPTED", invoiceAt);
    p.invoiceStatus = "ACCEPTED";
    p.invoicedAt = invoiceAt;
    if (story < 0.16) continue; // accepted, not paid yet
    // Days from the BAST to payment: mostly within the target, a quarter weeks late.
    const target = DEFAULT_SETTINGS.paymentTargetDays;
    const wait = rnd.chance(0.75) ? rnd.int(4, target) : rnd.int(target + 1, target + 30);
    const paidDay = wibDay(new Date(d.bastAt.getTime() + wait * DAY));
    if (paidDay > today) continue; // not yet
    const basis = taxBasisOf(vendor);
    const method: PaymentMethod = d.amount <= 1_000_000 ? rnd.pick(["UP_GU", "KKPD"] as const) : "LS";
    const parts =
      d.amount > 3_000_000 && rnd.chance(0.3)
        ? [Math.round(d.amount / 2), d.amount - Math.round(d.amount / 2)]
        : [d.amount];
    const partial = parts.length === 2 && rnd.chance(0.3); // the second part still to come
    let paid = 0;
    let tax = 0;
    parts.forEach((gross, k) => {
      if (partial && k === 1) return;
      const day =
        k === 0 && parts.length === 2 ? wibDay(new Date(d.bastAt.getTime() + Math.max(1, wait - 5) * DAY)) : paidDay;
      const withheld = estimateTax(gross, basis);
      payments.push({
        orderId: d.orderId,
        method,
        paidOn: dayAsDate(day),
        reference:
          method === "LS"
            ? `SP2D ${String(payments.length + 101).padStart(4, "0")}/LS/${d.fiscalYear}`
            : method === "KKPD"
              ? `KKPD-${payments.length + 501}`
              : null,
        gross: BigInt(gross),
        taxWithheld: BigInt(withheld),
        net: BigInt(gross - withheld),
        recordedById: staff,
        recordedAt: new Date(Date.parse(`${day}T03:00:00Z`)),
      });
      paid += gross;
      tax += withheld;
    });
    p.paidGross = BigInt(paid);
    p.taxWithheld = BigInt(tax);
    p.paidNet = BigInt(paid - tax);
    p.paidOn = paid === d.amount ? dayAsDate(paidDay) : null;
  }
  await tx.payable.createMany({ data: payables });
  await tx.invoice.createMany({ data: invoices });
  await tx.payment.createMany({ data: payments });
  return { payables: payables.length, invoices: invoices.length, payments: payments.length };
}
