// One order as its OPD sees it: details, the offers in order, and each routing decision's ranked
// candidates and exclusions ("why this UMKM"). Scoped by the caller's OPD in the query itself.
import { requireOwnOpdId } from "@/lib/data/authorise";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { rp } from "@/lib/domain/money";
import {
  EXCLUSION_REASONS,
  type Exclusion,
  type ExclusionReason,
  type RankedCandidate,
  type RouteScope,
} from "@/lib/domain/routing";
import type {
  FailureType,
  FulfilmentOutcome,
  MenuCategory,
  OfferStatus,
  OrderStatus,
  ProcurementMethod,
} from "@/lib/generated/prisma/enums";

export interface OrderDetail {
  id: string;
  number: string;
  status: OrderStatus;
  eventName: string;
  deliveryAt: Date;
  place: string;
  pax: number;
  category: MenuCategory;
  unitPrice: number;
  total: number;
  accountCode: string;
  method: ProcurementMethod;
  vendorName: string | null;
  createdAt: Date;
  offers: {
    round: number;
    vendorName: string;
    vendorWhatsapp: string;
    status: OfferStatus;
    offeredAt: Date;
    expiresAt: Date;
    /** Made in quiet hours: when it reaches the vendor's phone. */
    sendAt: Date | null;
    respondedAt: Date | null;
    reason: string | null;
    onTheWayAt: Date | null;
    handedOverAt: Date | null;
  }[];
  fulfilments: {
    outcome: FulfilmentOutcome;
    vendorName: string;
    at: Date;
    lateMinutes: number | null;
    quantityReceived: number | null;
    rating: number | null;
    failureType: FailureType | null;
    evidence: string | null;
    hasPhoto: boolean;
  }[];
  decisions: {
    round: number;
    decidedAt: Date;
    outcome: string;
    candidates: RankedCandidate[];
    /** The OPD's own pool's exclusions: why the pool could not take it (all of them when the reserve was asked). */
    exclusions: Exclusion[];
    /** POOL, or RESERVE when the pool was exhausted and the decree's city-wide reserve was asked. */
    scope: RouteScope;
    /** The reserve's other UMKM that were not eligible, counted by reason. */
    reserveExcluded: { reason: ExclusionReason; count: number }[];
  }[];
}

/** One of the OPD's own orders with its routing story and letters (OPD staff only; another OPD's order is null). */
export async function getOrderDetail(
  tx: Tx,
  opts: { actor: { role: Role | null; opdId?: string | null }; orderId: string },
): Promise<OrderDetail | null> {
  const opdId = requireOwnOpdId(opts.actor);
  const { orderId } = opts;
  const o = await tx.order.findFirst({
    where: { id: orderId, opdId },
    include: {
      vendor: { select: { name: true } },
      offers: { orderBy: { round: "asc" }, include: { vendor: { select: { name: true, whatsapp: true } } } },
      fulfilments: { orderBy: { createdAt: "asc" }, include: { vendor: { select: { name: true } } } },
      decisions: { orderBy: { round: "asc" } },
    },
  });
  if (!o) return null;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    eventName: o.eventName,
    deliveryAt: o.deliveryAt,
    place: o.place,
    pax: o.pax,
    category: o.category,
    unitPrice: rp(o.unitPrice),
    total: rp(o.total),
    accountCode: o.accountCode,
    method: o.method,
    vendorName: o.vendor?.name ?? null,
    createdAt: o.createdAt,
    offers: o.offers.map((f) => ({
      round: f.round,
      vendorName: f.vendor.name,
      vendorWhatsapp: f.vendor.whatsapp,
      status: f.status,
      offeredAt: f.offeredAt,
      expiresAt: f.expiresAt,
      sendAt: f.sendAt,
      respondedAt: f.respondedAt,
      reason: f.reason,
      onTheWayAt: f.onTheWayAt,
      handedOverAt: f.handedOverAt,
    })),
    fulfilments: o.fulfilments.map((f) => ({
      outcome: f.outcome,
      vendorName: f.vendor.name,
      at: f.deliveredAt ?? f.createdAt,
      lateMinutes: f.lateMinutes,
      quantityReceived: f.quantityReceived,
      rating: f.rating,
      failureType: f.failureType,
      evidence: f.evidence,
      hasPhoto: f.photoPath !== null,
    })),
    decisions: o.decisions.map((d) => ({
      round: d.round,
      decidedAt: d.decidedAt,
      outcome: d.outcome,
      candidates: d.candidates as unknown as RankedCandidate[],
      exclusions: d.exclusions as unknown as Exclusion[],
      scope: d.scope === "RESERVE" ? "RESERVE" : "POOL",
      reserveExcluded: countByReason((d.reserveExclusions ?? []) as unknown as Exclusion[]),
    })),
  };
}

function countByReason(exclusions: Exclusion[]): { reason: ExclusionReason; count: number }[] {
  const counts = new Map<ExclusionReason, number>();
  for (const x of exclusions) counts.set(x.reason, (counts.get(x.reason) ?? 0) + 1);
  return EXCLUSION_REASONS.filter((r) => counts.has(r)).map((reason) => ({ reason, count: counts.get(reason)! }));
}
