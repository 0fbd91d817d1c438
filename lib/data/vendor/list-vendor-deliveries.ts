// The vendor's accepted orders still to deliver (today and upcoming, oldest first) and the last ones
// settled. Always scoped by the caller's own vendorId.
import type { Role } from "@/lib/generated/prisma/enums";
import { requireOwnVendorId } from "@/lib/data/authorise";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";
import { wibDay } from "@/lib/format";
import type { FulfilmentOutcome, MenuCategory } from "@/lib/generated/prisma/enums";

export interface DeliveryItem {
  offerId: string;
  orderId: string;
  orderNumber: string;
  opdName: string;
  eventName: string;
  deliveryAt: Date;
  place: string;
  contactName: string;
  contactPhone: string;
  pax: number;
  category: MenuCategory;
  total: number;
  notes: string | null;
  onTheWayAt: Date | null;
  handedOverAt: Date | null;
}

export interface VendorDeliveries {
  today: DeliveryItem[];
  upcoming: DeliveryItem[];
  recent: {
    orderNumber: string;
    eventName: string;
    deliveryAt: Date;
    outcome: FulfilmentOutcome;
    lateMinutes: number | null;
  }[];
}

export async function listVendorDeliveries(
  tx: Tx,
  opts: { clock: Clock; actor: { role: Role | null; vendorId?: string | null } },
): Promise<VendorDeliveries> {
  const vendorId = requireOwnVendorId(opts.actor);
  const { clock } = opts;
  const now = clock.now();
  const [open, recent] = await Promise.all([
    tx.offer.findMany({
      where: { vendorId, status: "ACCEPTED", order: { status: "ACCEPTED" } },
      orderBy: { order: { deliveryAt: "asc" } },
      take: 200,
      select: {
        id: true,
        onTheWayAt: true,
        handedOverAt: true,
        order: {
          select: {
            id: true,
            number: true,
            eventName: true,
            deliveryAt: true,
            place: true,
            contactName: true,
            contactPhone: true,
            pax: true,
            category: true,
            total: true,
            notes: true,
            opd: { select: { name: true } },
          },
        },
      },
    }),
    tx.fulfilment.findMany({
      where: { vendorId },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        outcome: true,
        lateMinutes: true,
        order: { select: { number: true, eventName: true, deliveryAt: true } },
      },
    }),
  ]);
  const today = wibDay(now);
  const items = open.map((f): DeliveryItem => ({
    offerId: f.id,
    orderId: f.order.id,
    orderNumber: f.order.number,
    opdName: f.order.opd.name,
    eventName: f.order.eventName,
    deliveryAt: f.order.deliveryAt,
    place: f.order.place,
    contactName: f.order.contactName,
    contactPhone: f.order.contactPhone,
    pax: f.order.pax,
    category: f.order.category,
    total: rp(f.order.total),
    notes: f.order.notes,
    onTheWayAt: f.onTheWayAt,
    handedOverAt: f.handedOverAt,
  }));
  return {
    // Past-due ones the OPD has not confirmed yet stay under "today" so they are not forgotten.
    today: items.filter((i) => wibDay(i.deliveryAt) <= today),
    upcoming: items.filter((i) => wibDay(i.deliveryAt) > today),
    recent: recent.map((r) => ({
      orderNumber: r.order.number,
      eventName: r.order.eventName,
      deliveryAt: r.order.deliveryAt,
      outcome: r.outcome,
      lateMinutes: r.lateMinutes,
    })),
  };
}
