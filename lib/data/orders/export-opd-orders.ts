// The rows of an OPD's accountability export (SPJ): every order matching the list's filters, with the
// budget account, the vendor's NPWP, the estimated tax withheld and — once delivered — what was paid. Scoped by the
// caller's OPD.
import { requireOwnOpdId } from "@/lib/data/authorise";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { rp } from "@/lib/domain/money";
import { opdOrdersWhere, type OrderListQuery } from "@/lib/data/orders/list-opd-orders";
import { estimateTax, TAX_RATES, taxBasisOf, type TaxBasis } from "@/lib/domain/tax";
import { daysToPay, payableStage, type PayableStage } from "@/lib/domain/payment";
import { wibDay } from "@/lib/format";
import type { InvoiceStatus, MenuCategory, OrderStatus, ProcurementMethod } from "@/lib/generated/prisma/enums";

/** An export beyond this many rows must be narrowed by the filters (a year of a busy OPD is far below). */
export const EXPORT_MAX_ROWS = 20_000;

export interface ExportRow {
  number: string;
  deliveryAt: Date;
  eventName: string;
  place: string;
  status: OrderStatus;
  category: MenuCategory;
  accountCode: string;
  accountName: string;
  method: ProcurementMethod;
  vendorName: string | null;
  vendorNpwp: string | null;
  pax: number;
  unitPrice: number;
  total: number;
  /** Only for orders awarded to a vendor (accepted or delivered): the value is payable. */
  tax: { basis: TaxBasis; rate: number; amount: number } | null;
  quantityReceived: number | null;
  lateMinutes: number | null;
  rating: number | null;
  /** Delivered orders: where their money stands (issue 20), as the treasurer recorded it. */
  payment: {
    stage: PayableStage;
    paidGross: number;
    taxWithheld: number;
    paidNet: number;
    paidOn: Date | null;
    daysFromBast: number | null;
  } | null;
}

export async function exportOpdOrders(
  tx: Tx,
  opts: { actor: { role: Role | null; opdId?: string | null }; query: OrderListQuery },
): Promise<{ opdName: string; rows: ExportRow[]; truncated: boolean }> {
  const opdId = requireOwnOpdId(opts.actor);
  const { query } = opts;
  const [opd, orders] = await Promise.all([
    tx.opd.findUniqueOrThrow({ where: { id: opdId }, select: { name: true } }),
    tx.order.findMany({
      where: opdOrdersWhere(opdId, query),
      orderBy: [{ deliveryAt: "asc" }, { number: "asc" }],
      take: EXPORT_MAX_ROWS + 1,
      select: {
        number: true,
        deliveryAt: true,
        eventName: true,
        place: true,
        status: true,
        category: true,
        accountCode: true,
        method: true,
        pax: true,
        unitPrice: true,
        total: true,
        budget: { select: { accountName: true } },
        vendor: { select: { name: true, npwp: true, hasPp55: true } },
        fulfilments: {
          where: { outcome: "DELIVERED" },
          take: 1,
          select: { quantityReceived: true, lateMinutes: true, rating: true },
        },
        payable: {
          select: {
            amount: true,
            paidGross: true,
            taxWithheld: true,
            paidNet: true,
            paidOn: true,
            invoiceStatus: true,
            bastAt: true,
          },
        },
      },
    }),
  ]);
  const rows = orders.slice(0, EXPORT_MAX_ROWS).map((o): ExportRow => {
    const total = rp(o.total);
    const payable = o.vendor && (o.status === "ACCEPTED" || o.status === "DELIVERED");
    const basis = o.vendor ? taxBasisOf(o.vendor) : null;
    const f = o.fulfilments[0];
    return {
      number: o.number,
      deliveryAt: o.deliveryAt,
      eventName: o.eventName,
      place: o.place,
      status: o.status,
      category: o.category,
      accountCode: o.accountCode,
      accountName: o.budget.accountName,
      method: o.method,
      vendorName: o.vendor?.name ?? null,
      vendorNpwp: o.vendor?.npwp ?? null,
      pax: o.pax,
      unitPrice: rp(o.unitPrice),
      total,
      tax: payable && basis ? { basis, rate: TAX_RATES[basis], amount: estimateTax(total, basis) } : null,
      quantityReceived: f?.quantityReceived ?? null,
      lateMinutes: f?.lateMinutes ?? null,
      rating: f?.rating ?? null,
      payment: paymentOf(o.payable),
    };
  });
  return { opdName: opd.name, rows, truncated: orders.length > EXPORT_MAX_ROWS };
}

function paymentOf(
  p: {
    amount: bigint;
    paidGross: bigint;
    taxWithheld: bigint;
    paidNet: bigint;
    paidOn: Date | null;
    invoiceStatus: InvoiceStatus | null;
    bastAt: Date;
  } | null,
): ExportRow["payment"] {
  if (!p) return null;
  return {
    stage: payableStage({ amount: rp(p.amount), paidGross: rp(p.paidGross), invoiceStatus: p.invoiceStatus }),
    paidGross: rp(p.paidGross),
    taxWithheld: rp(p.taxWithheld),
    paidNet: rp(p.paidNet),
    paidOn: p.paidOn,
    daysFromBast: p.paidOn ? daysToPay(wibDay(p.bastAt), p.paidOn.toISOString().slice(0, 10)) : null,
  };
}
