// The expiry sweep: every PENDING offer past its deadline becomes EXPIRED and its order is re-routed
// at once. The offers table is the durable queue — nothing lives in memory — so a restart resumes
// exactly where it stopped; SKIP LOCKED lets several app instances sweep side by side.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { SYSTEM_ACTOR } from "@/lib/data/audit";
import { auditInsertSql } from "@/lib/data/audit-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/data/tx";
import {
  decodeRoutableOrder,
  routableOrderJsonSql,
  routeOrderInTx,
  ROUTABLE_ORDER_SELECT,
  type RoutableOrderJson,
  type RouteOutcome,
} from "@/lib/data/routing/route-order";

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
    select: { id: true, orderId: true, vendorId: true, expiresAt: true },
  });
  const results: ExpiryResult[] = [];
  for (const d of due) {
    const r = await inTransaction(db, async (tx) => {
      // One statement: lock the order — skipping one someone else is working on right now (the next sweep picks it
      // up) — check the offer is still PENDING and due, mark it EXPIRED with its audit row, and return the order.
      const ok = Prisma.sql`EXISTS (SELECT 1 FROM ok)`;
      const [locked] = await tx.$queryRaw<{ order: RoutableOrderJson; expired: number }[]>`
        WITH lk AS MATERIALIZED (
          SELECT o.id, ${routableOrderJsonSql(Prisma.sql`o`)} AS "order"
          FROM "Order" o WHERE o.id = ${d.orderId}::uuid FOR NO KEY UPDATE SKIP LOCKED),
        ok AS (SELECT f.id FROM "Offer" f JOIN lk ON lk.id = f."orderId"
               WHERE f.id = ${d.id}::uuid AND f.status = 'PENDING' AND f."expiresAt" <= ${now}),
        f AS (UPDATE "Offer" SET status = 'EXPIRED' WHERE id = (SELECT id FROM ok) RETURNING id),
        aud AS (${auditInsertSql(SYSTEM_ACTOR, { action: "offer.expired", entity: "Offer", entityId: d.id, before: { status: "PENDING" }, after: { status: "EXPIRED", expiresAt: d.expiresAt } }, ok)})
        SELECT lk."order", (SELECT count(*) FROM f)::int AS expired FROM lk`;
      if (!locked || locked.expired !== 1) return null;
      const route = await routeOrderInTx(tx, decodeRoutableOrder(locked.order), {
        now,
        actor: SYSTEM_ACTOR,
        alsoLock: [d.vendorId],
      });
      return { offerId: d.id, orderId: d.orderId, route };
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
      await routeOrderInTx(tx, order, { now, actor: SYSTEM_ACTOR });
      return true;
    });
    if (routed) n++;
  }
  return n;
}
