// The vendor's own progress marks on an accepted order: "on the way" and "handed over". They inform the
// OPD (who still confirms what arrived) and change nothing about money or routing. Compare-and-set on
// the vendor's accepted offer; a repeated tap is a no-op.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import type { VendorActor } from "@/lib/data/offers/answer-offer";

export type DeliveryMark = "ON_THE_WAY" | "HANDED_OVER";

/** How early before the delivery time each mark may be set. */
export const MARK_WINDOW_HOURS: Record<DeliveryMark, number> = { ON_THE_WAY: 12, HANDED_OVER: 6 };

export async function markDelivery(
  db: Db,
  clock: Clock,
  actor: VendorActor,
  offerId: string,
  mark: DeliveryMark,
): Promise<{ changed: boolean }> {
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const offers = await tx.$queryRaw<
      {
        id: string;
        status: string;
        onTheWayAt: Date | null;
        handedOverAt: Date | null;
        orderId: string;
        orderStatus: string;
        number: string;
        opdId: string;
        deliveryAt: Date;
        eventName: string;
      }[]
    >`SELECT f.id, f.status::text AS status, f."onTheWayAt", f."handedOverAt", o.id AS "orderId", o.status::text AS "orderStatus",
             o.number, o."opdId", o."deliveryAt", o."eventName"
      FROM "Offer" f JOIN "Order" o ON o.id = f."orderId"
      WHERE f.id = ${offerId}::uuid AND f."vendorId" = ${actor.vendorId}::uuid
      FOR UPDATE OF f`;
    const f = offers[0];
    if (!f) throw new AppError("NOT_FOUND");
    if (f.status !== "ACCEPTED" || f.orderStatus !== "ACCEPTED") throw new AppError("INVALID_STATE");
    const already = mark === "ON_THE_WAY" ? (f.onTheWayAt ?? f.handedOverAt) : f.handedOverAt;
    if (already) return { changed: false };
    if (now.getTime() < f.deliveryAt.getTime() - MARK_WINDOW_HOURS[mark] * 3600_000) {
      throw new AppError("TOO_EARLY", {
        opensAt: new Date(f.deliveryAt.getTime() - MARK_WINDOW_HOURS[mark] * 3600_000),
      });
    }
    await tx.offer.update({
      where: { id: f.id },
      data: mark === "ON_THE_WAY" ? { onTheWayAt: now } : { handedOverAt: now, onTheWayAt: f.onTheWayAt ?? now },
    });
    await writeAudit(tx, actor, {
      action: mark === "ON_THE_WAY" ? "delivery.on_the_way" : "delivery.handed_over",
      entity: "Offer",
      entityId: f.id,
      before: { onTheWayAt: f.onTheWayAt, handedOverAt: f.handedOverAt },
      after: { at: now, orderId: f.orderId },
    });
    await notify(
      tx,
      { opdId: f.opdId },
      mark === "ON_THE_WAY"
        ? notice(
            "delivery.on_the_way",
            "deliveryOnTheWay",
            { number: f.number, eventName: f.eventName, deliveryAt: { at: f.deliveryAt.toISOString() } },
            `/opd/orders/${f.orderId}`,
          )
        : notice(
            "delivery.handed_over",
            "deliveryHandedOver",
            { number: f.number, eventName: f.eventName },
            `/opd/orders/${f.orderId}`,
          ),
      now,
    );
    return { changed: true };
  });
}
