// The expiry sweep: every PENDING offer past its deadline becomes EXPIRED and its order is re-routed
// at once. The offers table is the durable queue — nothing lives in memory — so a restart resumes
// exactly where it stopped; SKIP LOCKED lets several app instances sweep side by side.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { SYSTEM_ACTOR } from "@/lib/data/audit";
import { auditRowsSql, type AuditRow } from "@/lib/db/sql/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { inTransaction } from "@/lib/data/tx";
import { inRawTransaction, rawSql, type RawSql } from "@/lib/db/raw";
import { oneByOneOnError } from "@/lib/data/batcher";
import {
  rerouteOrdersInTx,
  routeOrderInTx,
  ROUTABLE_ORDER_SELECT,
  type RouteOutcome,
} from "@/lib/data/routing/route-order";
import { routableOrderJson, routableOrderJsonSql, routingContextJson, routingContextSql } from "@/lib/db/sql/routing";
import { queryRows } from "@/lib/db/sql/decode";
import { instant, row, uuid } from "@/lib/db/sql/columns";

export interface ExpiryResult {
  offerId: string;
  orderId: string;
  route: RouteOutcome;
}

const expireDueOffersDueRow = row({ id: uuid, orderId: uuid, expiresAt: instant });

export async function expireDueOffers(db: Db, clock: Clock, limit = 100): Promise<ExpiryResult[]> {
  const now = clock.now();
  // On the sweep's every turn: a prepared raw statement (lib/db/raw.ts), served by the pending offers' index.
  const due = await queryRows(
    rawSql(db),
    "expireDueOffers.due",
    expireDueOffersDueRow,
    Prisma.sql`SELECT id, "orderId", "expiresAt" FROM "Offer" WHERE status = 'PENDING' AND "expiresAt" <= ${now}::timestamptz
    ORDER BY "expiresAt" LIMIT ${limit}::int`,
  );
  if (due.length === 0) return [];
  // All of them in one transaction, routed together; if that fails as a whole, one by one (one bad order cannot
  // hold up the others — its error is then raised once the others are done, and it stays due for the next sweep).
  const results = await oneByOneOnError((batch: typeof due) =>
    inRawTransaction(db, (tx) => expireTogether(tx, batch, now)),
  )(due);
  const failure = results.find((r): r is Error => r instanceof Error);
  if (failure) throw failure;
  return results.flatMap((r) => (r instanceof Error || r === null ? [] : [r]));
}

const expireTogetherRow = row({ offerId: uuid, vendorId: uuid, order: routableOrderJson, context: routingContextJson });

/**
 * Due offers expired and their orders routed again, in the caller's transaction: one statement locks their orders —
 * skipping any someone else is working on right now (the next sweep picks it up) — checks each offer is still PENDING
 * and due, marks it EXPIRED with its audit row and returns the order; then the orders are routed together, each
 * vendor that let its offer lapse locked with its pool. An answer per offer: its expiry, or null when skipped.
 */
async function expireTogether(
  tx: RawSql,
  due: { id: string; orderId: string; expiresAt: Date }[],
  now: Date,
): Promise<(ExpiryResult | null)[]> {
  const audits: AuditRow[] = due.map((d) => ({
    actor: SYSTEM_ACTOR,
    action: "offer.expired",
    entity: "Offer",
    entityId: d.id,
    before: { status: "PENDING" },
    after: { status: "EXPIRED", expiresAt: d.expiresAt },
  }));
  const expired = await queryRows(
    tx,
    "expireTogether",
    expireTogetherRow,
    Prisma.sql`
    WITH d AS (SELECT * FROM (VALUES ${Prisma.join(due.map((d) => Prisma.sql`(${d.id}::uuid, ${d.orderId}::uuid)`))}) AS d(offer, "orderId")),
    lk AS MATERIALIZED (
      SELECT o.id, ${routableOrderJsonSql(Prisma.sql`o`)} AS "order",
        ${routingContextSql(Prisma.sql`o.id`, Prisma.sql`o."opdId"`, Prisma.sql`o."deliveryDay"`)} AS context
      FROM "Order" o WHERE o.id IN (SELECT "orderId" FROM d) ORDER BY o.id FOR NO KEY UPDATE SKIP LOCKED),
    ok AS (SELECT f.id, f."orderId", f."vendorId" FROM "Offer" f JOIN d ON d.offer = f.id JOIN lk ON lk.id = f."orderId"
           WHERE f.status = 'PENDING' AND f."expiresAt" <= ${now}),
    f AS (UPDATE "Offer" x SET status = 'EXPIRED' FROM ok WHERE x.id = ok.id RETURNING x.id),
    aud AS (${auditRowsSql(audits, Prisma.sql`a."entityId" IN (SELECT id::text FROM ok)`)})
    SELECT ok.id AS "offerId", ok."vendorId", lk."order", lk.context FROM ok JOIN lk ON lk.id = ok."orderId" ORDER BY ok."orderId"`,
  );
  const routes = await rerouteOrdersInTx(
    tx,
    expired.map((e) => ({ order: e.order, context: e.context, alsoLock: [e.vendorId] })),
    { now, actor: SYSTEM_ACTOR },
  );
  const byOffer = new Map(expired.map((e, n) => [e.offerId, routes[n]!]));
  return due.map((d) => {
    const route = byOffer.get(d.id);
    return route ? { offerId: d.id, orderId: d.orderId, route } : null;
  });
}

const routeStrandedOrdersLockRow = row({ id: uuid });

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
      const locked = await queryRows(
        tx,
        "routeStrandedOrders.lock",
        routeStrandedOrdersLockRow,
        Prisma.sql`SELECT id FROM "Order" WHERE id = ${s.id}::uuid AND status = 'SUBMITTED' FOR NO KEY UPDATE SKIP LOCKED`,
      );
      if (locked.length === 0) return false;
      const order = await tx.order.findUniqueOrThrow({ where: { id: s.id }, select: ROUTABLE_ORDER_SELECT });
      await routeOrderInTx(tx, order, { now, actor: SYSTEM_ACTOR });
      return true;
    });
    if (routed) n++;
  }
  return n;
}
