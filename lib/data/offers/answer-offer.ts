// A vendor's answer to an offer: accept, or decline with a reason. Both are compare-and-set on the
// offer (PENDING, not past its deadline) under the order's row lock; a decline re-routes at once.
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, lockOrder, lockVendors } from "@/lib/data/tx";
import { getSettings } from "@/lib/data/settings/get-settings";
import { notify } from "@/lib/data/notifications/notify";
import { routeOrderInTx, ROUTABLE_ORDER_SELECT, type RouteOutcome } from "@/lib/data/routing/route-order";
import { z } from "zod";

export interface VendorActor extends Actor {
  id: string;
  vendorId: string;
}

export const declineReasonSchema = z.string().trim().min(3, "Tuliskan alasan menolak").max(500);

/** Loads the offer for its own vendor only, and locks its order. */
async function lockOwnOffer(tx: Tx, actor: VendorActor, offerId: string) {
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const offer = await tx.offer.findFirst({
    where: { id: offerId, vendorId: actor.vendorId },
    select: { id: true, orderId: true },
  });
  if (!offer) throw new AppError("NOT_FOUND");
  await lockOrder(tx, offer.orderId);
  return tx.offer.findUniqueOrThrow({ where: { id: offerId }, include: { order: { select: ROUTABLE_ORDER_SELECT } } });
}

export async function acceptOffer(
  db: Db,
  clock: Clock,
  actor: VendorActor,
  offerId: string,
): Promise<{ orderId: string; alreadyAccepted: boolean }> {
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const offer = await lockOwnOffer(tx, actor, offerId);
    if (offer.status === "ACCEPTED") return { orderId: offer.orderId, alreadyAccepted: true }; // a double tap
    if (offer.status !== "PENDING") throw new AppError("INVALID_STATE", { status: offer.status });
    if (offer.expiresAt.getTime() <= now.getTime()) throw new AppError("OFFER_EXPIRED");
    await lockVendors(tx, [offer.vendorId]);
    const changed = await tx.offer.updateMany({
      where: { id: offer.id, status: "PENDING" },
      data: { status: "ACCEPTED", respondedAt: now },
    });
    const order = await tx.order.updateMany({
      where: { id: offer.orderId, status: "OFFERED" },
      data: { status: "ACCEPTED", vendorId: offer.vendorId, awardedAt: now, version: { increment: 1 } },
    });
    if (changed.count !== 1 || order.count !== 1) throw new AppError("INVALID_STATE");
    await writeAudit(tx, actor, {
      action: "offer.accepted",
      entity: "Offer",
      entityId: offer.id,
      before: { status: "PENDING" },
      after: { status: "ACCEPTED", orderId: offer.orderId },
    });
    await notify(
      tx,
      { opdId: offer.order.opdId },
      {
        kind: "order.accepted",
        title: `Pesanan ${offer.order.number} diterima UMKM`,
        body: offer.order.eventName,
        link: "/opd",
      },
      now,
    );
    return { orderId: offer.orderId, alreadyAccepted: false };
  });
}

export async function declineOffer(
  db: Db,
  clock: Clock,
  actor: VendorActor,
  offerId: string,
  reason: string,
): Promise<{ orderId: string; route: RouteOutcome }> {
  const why = declineReasonSchema.safeParse(reason);
  if (!why.success) throw new AppError("VALIDATION", { issues: { reason: why.error.issues.map((i) => i.message) } });
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const offer = await lockOwnOffer(tx, actor, offerId);
    if (offer.status !== "PENDING") throw new AppError("INVALID_STATE", { status: offer.status });
    if (offer.expiresAt.getTime() <= now.getTime()) throw new AppError("OFFER_EXPIRED");
    const changed = await tx.offer.updateMany({
      where: { id: offer.id, status: "PENDING" },
      data: { status: "DECLINED", respondedAt: now, reason: why.data },
    });
    if (changed.count !== 1) throw new AppError("INVALID_STATE");
    await writeAudit(tx, actor, {
      action: "offer.declined",
      entity: "Offer",
      entityId: offer.id,
      before: { status: "PENDING" },
      after: { status: "DECLINED", reason: why.data },
    });
    const route = await routeOrderInTx(tx, offer.order, {
      now,
      settings: await getSettings(tx),
      actor,
      alsoLock: [offer.vendorId],
    });
    return { orderId: offer.orderId, route };
  });
}
