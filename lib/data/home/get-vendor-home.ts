import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf, fiscalYearRange } from "@/lib/format";
import { AWARDED_STATUSES, rp } from "@/lib/data/money";
import type { MenuCategory, SanctionLevel, VendorStatus } from "@/lib/generated/prisma/enums";

export interface VendorHome {
  vendor: { code: string; name: string; status: VendorStatus };
  pendingOffers: {
    offerId: string;
    orderNumber: string;
    opdName: string;
    eventName: string;
    deliveryAt: Date;
    place: string;
    contactName: string;
    contactPhone: string;
    notes: string | null;
    pax: number;
    category: MenuCategory;
    value: number;
    expiresAt: Date;
  }[];
  upcoming: {
    orderNumber: string;
    opdName: string;
    eventName: string;
    deliveryAt: Date;
    place: string;
    pax: number;
    category: MenuCategory;
    total: number;
  }[];
  yearValue: number;
  yearOrders: number;
  activeSanction: { level: SanctionLevel; endsAt: Date | null; cause: string } | null;
}

/** Vendor home: always scoped by the caller's own vendorId. */
export async function getVendorHome(tx: Tx, clock: Clock, vendorId: string): Promise<VendorHome> {
  const now = clock.now();
  const { start, end } = fiscalYearRange(fiscalYearOf(now));
  const [vendor, offers, upcoming, year, sanction] = await Promise.all([
    tx.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { code: true, name: true, status: true } }),
    tx.offer.findMany({
      where: { vendorId, status: "PENDING", expiresAt: { gt: now } },
      orderBy: { expiresAt: "asc" },
      include: {
        order: {
          select: {
            number: true,
            eventName: true,
            deliveryAt: true,
            place: true,
            contactName: true,
            contactPhone: true,
            notes: true,
            pax: true,
            category: true,
            opd: { select: { name: true } },
          },
        },
      },
    }),
    tx.order.findMany({
      where: { vendorId, status: "ACCEPTED", deliveryAt: { gte: new Date(now.getTime() - 6 * 3600_000) } },
      orderBy: { deliveryAt: "asc" },
      take: 10,
      select: {
        number: true,
        eventName: true,
        deliveryAt: true,
        place: true,
        pax: true,
        category: true,
        total: true,
        opd: { select: { name: true } },
      },
    }),
    tx.order.aggregate({
      where: { vendorId, status: { in: [...AWARDED_STATUSES] }, deliveryAt: { gte: start, lt: end } },
      _sum: { total: true },
      _count: true,
    }),
    tx.sanction.findFirst({
      where: { vendorId, status: "CONFIRMED", OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      orderBy: { proposedAt: "desc" },
      select: { level: true, endsAt: true, cause: true },
    }),
  ]);
  return {
    vendor,
    pendingOffers: offers.map((o) => ({
      offerId: o.id,
      orderNumber: o.order.number,
      opdName: o.order.opd.name,
      eventName: o.order.eventName,
      deliveryAt: o.order.deliveryAt,
      place: o.order.place,
      contactName: o.order.contactName,
      contactPhone: o.order.contactPhone,
      notes: o.order.notes,
      pax: o.order.pax,
      category: o.order.category,
      value: rp(o.value),
      expiresAt: o.expiresAt,
    })),
    upcoming: upcoming.map((o) => ({
      orderNumber: o.number,
      opdName: o.opd.name,
      eventName: o.eventName,
      deliveryAt: o.deliveryAt,
      place: o.place,
      pax: o.pax,
      category: o.category,
      total: rp(o.total),
    })),
    yearValue: rp(year._sum.total),
    yearOrders: year._count,
    activeSanction: sanction,
  };
}
