// What a kuitansi (the vendor's receipt for an invoice, issue 20) says, for whoever may see the order's papers
// (order-scope.ts: the ordering OPD's staff, the awarded UMKM, the admins); null for anyone else (→ 404).
import type { Tx } from "@/lib/db/client";
import { rp } from "@/lib/domain/money";
import { orderScopeFor, type DocumentViewer } from "@/lib/data/documents/order-scope";
import type { InvoiceStatus, MenuCategory } from "@/lib/generated/prisma/enums";

export interface InvoiceDocument {
  number: string;
  status: InvoiceStatus;
  amount: number;
  submittedAt: Date;
  meteraiRequired: boolean;
  bank: { name: string; accountNumber: string; accountName: string };
  note: string | null;
  order: {
    number: string;
    eventName: string;
    category: MenuCategory;
    pax: number;
    unitPrice: number;
    accountCode: string;
    bastAt: Date;
    quantityReceived: number;
  };
  opd: { name: string; address: string | null };
  vendor: { name: string; ownerName: string; address: string; npwp: string | null };
}

export async function getInvoiceDocument(
  tx: Tx,
  opts: { actor: DocumentViewer; invoiceId: string },
): Promise<InvoiceDocument | null> {
  const { actor: viewer, invoiceId } = opts;
  const scope = orderScopeFor(viewer);
  if (!scope) return null;
  const i = await tx.invoice.findFirst({
    where: { id: invoiceId, payable: { order: scope } },
    include: {
      payable: {
        include: {
          order: {
            include: {
              opd: { select: { name: true, address: true } },
              vendor: { select: { name: true, ownerName: true, address: true, npwp: true } },
              fulfilments: { where: { outcome: "DELIVERED" }, take: 1, select: { quantityReceived: true } },
            },
          },
        },
      },
    },
  });
  const vendor = i?.payable.order.vendor;
  if (!i || !vendor) return null;
  const o = i.payable.order;
  return {
    number: i.number,
    status: i.status,
    amount: rp(i.amount),
    submittedAt: i.submittedAt,
    meteraiRequired: i.meteraiRequired,
    bank: { name: i.bankName, accountNumber: i.bankAccountNumber, accountName: i.bankAccountName },
    note: i.note,
    order: {
      number: o.number,
      eventName: o.eventName,
      category: o.category,
      pax: o.pax,
      unitPrice: rp(o.unitPrice),
      accountCode: o.accountCode,
      bastAt: i.payable.bastAt,
      quantityReceived: o.fulfilments[0]?.quantityReceived ?? o.pax,
    },
    opd: o.opd,
    vendor,
  };
}
