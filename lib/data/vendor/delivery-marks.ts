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
import { markOpensAt, type DeliveryMark } from "@/lib/domain/delivery-time";
import { OfferStatus, OrderStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { queryOne } from "@/lib/db/sql/decode";
import { instant, row, text, uuid } from "@/lib/db/sql/columns";

export type { DeliveryMark } from "@/lib/domain/delivery-time";

const markDeliveryLockRow = row({
  id: uuid,
  status: z.enum(OfferStatus),
  onTheWayAt: instant.nullable(),
  handedOverAt: instant.nullable(),
  orderId: uuid,
  orderStatus: z.enum(OrderStatus),
  number: text,
  opdId: uuid,
  deliveryAt: instant,
  eventName: text,
});

export async function markDelivery(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; offerId: string; mark: DeliveryMark },
): Promise<{ changed: boolean }> {
  const { clock, actor, offerId, mark } = opts;
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const f = await queryOne(
      tx,
      "markDelivery.lock",
      markDeliveryLockRow,
      Prisma.sql`SELECT f.id, f.status::text AS status, f."onTheWayAt", f."handedOverAt", o.id AS "orderId", o.status::text AS "orderStatus",
             o.number, o."opdId", o."deliveryAt", o."eventName"
      FROM "Offer" f JOIN "Order" o ON o.id = f."orderId"
      WHERE f.id = ${offerId}::uuid AND f."vendorId" = ${actor.vendorId}::uuid
      FOR UPDATE OF f`,
    );
    if (!f) throw new AppError("NOT_FOUND");
    if (f.status !== "ACCEPTED" || f.orderStatus !== "ACCEPTED") throw new AppError("INVALID_STATE");
    const already = mark === "ON_THE_WAY" ? (f.onTheWayAt ?? f.handedOverAt) : f.handedOverAt;
    if (already) return { changed: false };
    const opensAt = markOpensAt(mark, f.deliveryAt);
    if (now < opensAt) throw new AppError("TOO_EARLY", { opensAt });
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
