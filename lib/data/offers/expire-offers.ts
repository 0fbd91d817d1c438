// The expiry sweep: every PENDING offer past its deadline becomes EXPIRED and its order is re-routed
// at once. The offers table is the durable queue — nothing lives in memory — so a restart resumes
// exactly where it stopped; SKIP LOCKED lets several app instances sweep side by side.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { getSettings } from "@/lib/data/settings/get-settings";
import { routeOrderInTx, ROUTABLE_ORDER_SELECT, type RouteOutcome } from "@/lib/data/routing/route-order";

export interface ExpiryResult {
  offerId: string;
  orderId: string;
  route: RouteOutcome;
}

export async function expireDueOffers(db: Db, clock: Clock, limit = 100): Promise<ExpiryResult[]> {
  const now = clock.now();
  const due = await db.offer.findMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: limit,
    select: { id: true, orderId: true },
  });
  const results: ExpiryResult[] = [];
  for (const d of due) {
    const r = await inTransaction(db, async (tx) => {
      // Skip an order someone else is working on right now; the next sweep picks it up.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "Order" WHERE id = ${d.orderId}::uuid FOR NO KEY UPDATE SKIP LOCKED`;
      if (locked.length === 0) return null;
      const offer = await tx.offer.findUniqueOrThrow({
        where: { id: d.id },
        include: { order: { select: ROUTABLE_ORDER_SELECT } },
      });
      if (offer.status !== "PENDING" || offer.expiresAt.getTime() > now.getTime()) return null;
      await tx.offer.update({ where: { id: offer.id }, data: { status: "EXPIRED" } });
      await writeAudit(tx, SYSTEM_ACTOR, {
        action: "offer.expired",
        entity: "Offer",
        entityId: offer.id,
        before: { status: "PENDING" },
        after: { status: "EXPIRED", expiresAt: offer.expiresAt },
      });
      const route = await routeOrderInTx(tx, offer.order, {
        now,
        settings: await getSettings(tx),
        actor: SYSTEM_ACTOR,
        alsoLock: [offer.vendorId],
      });
      return { offerId: offer.id, orderId: offer.orderId, route };
    });
    if (r) results.push(r);
  }
  return results;
}

/** Orders left SUBMITTED (only possible if routing was ever split from submission) are routed by the sweep too. */
export async function routeStrandedOrders(db: Db, clock: Clock, limit = 100): Promise<number> {
  const now = clock.now();
  const stranded = await db.order.findMany({
    where: { status: "SUBMITTED", createdAt: { lte: new Date(now.getTime() - 30_000) } },
    take: limit,
    select: { id: true },
  });
  let n = 0;
  for (const s of stranded) {
    const routed = await inTransaction(db, async (tx) => {
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "Order" WHERE id = ${s.id}::uuid AND status = 'SUBMITTED' FOR NO KEY UPDATE SKIP LOCKED`;
      if (locked.length === 0) return false;
      const order = await tx.order.findUniqueOrThrow({ where: { id: s.id }, select: ROUTABLE_ORDER_SELECT });
      await routeOrderInTx(tx, order, { now, settings: await getSettings(tx), actor: SYSTEM_ACTOR });
      return true;
    });
    if (routed) n++;
  }
  return n;
}
