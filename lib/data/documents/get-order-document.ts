// What an order letter (Surat Pesanan) or a handover record (BAST) says, for whoever may see it (order-scope.ts:
// the ordering OPD's staff, the awarded UMKM and the admins). Anyone else gets null (→ 404), so the existence of
// another OPD's order is not revealed.
import type { Tx } from "@/lib/db/client";
import { rp } from "@/lib/domain/money";
import type { MenuCategory, ProcurementMethod } from "@/lib/generated/prisma/enums";
import { orderScopeFor, type DocumentViewer } from "@/lib/data/documents/order-scope";
import { lettersAt, NUMBERED_KINDS, type NumberedKind } from "@/lib/domain/letters";

export type OrderDocumentKind = NumberedKind;
export const ORDER_DOCUMENT_KINDS: readonly OrderDocumentKind[] = NUMBERED_KINDS;

export type { DocumentViewer };

export interface OrderDocument {
  kind: OrderDocumentKind;
  orderNumber: string;
  eventName: string;
  deliveryAt: Date;
  place: string;
  contactName: string;
  contactPhone: string;
  pax: number;
  category: MenuCategory;
  unitPrice: number;
  total: number;
  accountCode: string;
  accountName: string;
  method: ProcurementMethod;
  notes: string | null;
  awardedAt: Date;
  decreeNumber: string | null;
  opd: {
    id: string;
    code: string;
    name: string;
    address: string | null;
    phone: string | null;
    headName: string | null;
    headNip: string | null;
    headTitle: string | null;
  };
  placedBy: string;
  vendor: {
    name: string;
    ownerName: string;
    address: string;
    kelurahan: string;
    kecamatan: string;
    nib: string | null;
    npwp: string | null;
    whatsapp: string;
  };
  /** BAST only: the delivery as the OPD confirmed it. */
  delivery: {
    deliveredAt: Date;
    quantityReceived: number;
    lateMinutes: number;
    rating: number | null;
    /** Where the delivery photo is stored (lib/storage/photos.ts), when the OPD took one. */
    photoPath: string | null;
  } | null;
}

/**
 * The document, or null when the viewer may not see the order. Throws nothing for a document that does
 * not exist yet: `reason` says why (no vendor has accepted; not delivered yet).
 */
export async function getOrderDocument(
  tx: Tx,
  opts: { actor: DocumentViewer; orderId: string; kind: OrderDocumentKind },
): Promise<{ document: OrderDocument } | { document: null; reason: "NOT_FOUND" | "NOT_AVAILABLE" }> {
  const { actor: viewer, orderId, kind } = opts;
  const scope = orderScopeFor(viewer);
  if (!scope) return { document: null, reason: "NOT_FOUND" };
  const o = await tx.order.findFirst({
    where: { id: orderId, ...scope },
    include: {
      opd: {
        select: {
          id: true,
          code: true,
          name: true,
          address: true,
          phone: true,
          headName: true,
          headNip: true,
          headTitle: true,
        },
      },
      placedBy: { select: { name: true } },
      budget: { select: { accountName: true } },
      decree: { select: { number: true } },
      vendor: {
        select: {
          name: true,
          ownerName: true,
          address: true,
          kelurahan: true,
          kecamatan: true,
          nib: true,
          npwp: true,
          whatsapp: true,
        },
      },
      // The delivered fulfilment belongs to the awarded vendor's accepted offer.
      fulfilments: { where: { outcome: "DELIVERED" }, take: 1 },
    },
  });
  if (!o) return { document: null, reason: "NOT_FOUND" };
  // The letters the order has at its status (lib/domain/letters.ts lettersAt, the list the order page shows).
  if (!o.vendor || !o.awardedAt || !lettersAt(o.status).includes(kind))
    return { document: null, reason: "NOT_AVAILABLE" };
  const f = o.fulfilments[0];
  if (kind === "bast" && !f?.deliveredAt) return { document: null, reason: "NOT_AVAILABLE" };
  return {
    document: {
      kind,
      orderNumber: o.number,
      eventName: o.eventName,
      deliveryAt: o.deliveryAt,
      place: o.place,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      pax: o.pax,
      category: o.category,
      unitPrice: rp(o.unitPrice),
      total: rp(o.total),
      accountCode: o.accountCode,
      accountName: o.budget.accountName,
      method: o.method,
      notes: o.notes,
      awardedAt: o.awardedAt,
      decreeNumber: o.decree?.number ?? null,
      opd: o.opd,
      placedBy: o.placedBy.name,
      vendor: o.vendor,
      delivery:
        kind === "bast" && f?.deliveredAt
          ? {
              deliveredAt: f.deliveredAt,
              quantityReceived: f.quantityReceived ?? o.pax,
              lateMinutes: f.lateMinutes ?? 0,
              rating: f.rating,
              photoPath: f.photoPath,
            }
          : null,
    },
  };
}

/**
 * What a letter says, as its hash covers it (lib/data/documents/issue-document.ts contentHashOf) and its verification
 * page shows it: the kind, the order, both parties, what and how much, and the day it speaks of. No contact persons or
 * phone numbers.
 */
export function letterContent(d: OrderDocument) {
  const quantity = d.delivery?.quantityReceived ?? d.pax;
  return {
    kind: d.kind,
    orderNumber: d.orderNumber,
    opd: d.opd.name,
    vendor: d.vendor.name,
    category: d.category,
    quantity,
    unitPrice: d.unitPrice,
    amount: quantity * d.unitPrice,
    day: (d.delivery?.deliveredAt ?? d.awardedAt).toISOString(),
  };
}
