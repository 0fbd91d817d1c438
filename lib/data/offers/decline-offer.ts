// A vendor declines an offer: the order is routed again at once, without the vendor that said no; declines that
// arrive together are written and routed together in one transaction.
import { OfferStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { auditRowsSql, type AuditRow } from "@/lib/db/sql/audit";
import { inRawTransaction, type RawSql } from "@/lib/db/raw";
import { batcherPer, MicroBatcher, oneByOneOnError } from "@/lib/data/batcher";
import { Prisma } from "@/lib/generated/prisma/client";
import { rerouteOrdersInTx } from "@/lib/data/routing/route-order";
import { routableOrderJson, routableOrderJsonSql, routingContextJson, routingContextSql } from "@/lib/db/sql/routing";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, int, row, uuid } from "@/lib/db/sql/columns";
import { z } from "zod";
import { declineReasonSchema, type Declined, type VendorActor } from "@/lib/data/offers/answer-offer";

const offerStatus = z.enum(OfferStatus);

// Built once: zod compiles a schema on its first parse, so one made per call is compiled on every call.
const declineInput = z.object({ reason: declineReasonSchema });

/** One vendor's decline, waiting to be written with the others that arrive with it. */
interface Decline {
  actor: VendorActor & { vendorId: string };
  offerId: string;
  reason: string;
  now: Date;
}

// One bad decline must not fail the others: a failed batch is written again one by one.
const declineBatcherFor = batcherPer(
  (db: Db) =>
    new MicroBatcher<Decline, Declined>(
      oneByOneOnError((items) => inRawTransaction(db, (tx) => declineTogether(tx, items))),
    ),
);

const declineTogetherRow = row({
  k: int,
  orderId: uuid,
  status: offerStatus,
  order: routableOrderJson,
  context: routingContextJson,
  declined: bool,
});

/**
 * A batch of declines in one transaction: one statement locks every order and its offer (orders in id order, each
 * before its offer), checks each offer is the vendor's own, still PENDING and in time, and records each decline that
 * is with its audit row; then the declined orders are routed again together (rerouteOrdersInTx), each vendor that
 * said no locked with its pool.
 */
async function declineTogether(tx: RawSql, items: Decline[]): Promise<(Declined | Error)[]> {
  // A double tap within the batch: the first decline is written, the others are told the offer is no longer open.
  const firstFor = new Map<string, number>();
  const unique = items.filter((d, i) => !firstFor.has(d.offerId) && firstFor.set(d.offerId, i));
  const rows = Prisma.join(
    unique.map(
      (d, k) =>
        Prisma.sql`(${k}::int, ${d.offerId}::uuid, ${d.actor.vendorId}::uuid, ${d.now}::timestamptz, ${d.reason})`,
    ),
  );
  const audits: AuditRow[] = unique.map((d) => ({
    actor: d.actor,
    action: "offer.declined",
    entity: "Offer",
    entityId: d.offerId,
    before: { status: "PENDING" },
    after: { status: "DECLINED", reason: d.reason, ...(d.actor.via ? { via: d.actor.via } : {}) },
  }));
  const locked = await queryRows(
    tx,
    "declineTogether",
    declineTogetherRow,
    Prisma.sql`
    WITH r AS (SELECT * FROM (VALUES ${rows}) AS r(k, offer, vendor, at, reason)),
    lk AS MATERIALIZED (
      SELECT r.k, r.at, r.reason, f.id, f."orderId", f.status::text AS status, f."expiresAt", ${routableOrderJsonSql(Prisma.sql`o`)} AS "order",
        ${routingContextSql(Prisma.sql`o.id`, Prisma.sql`o."opdId"`, Prisma.sql`o."deliveryDay"`)} AS context
      FROM r JOIN "Offer" f ON f.id = r.offer AND f."vendorId" = r.vendor JOIN "Order" o ON o.id = f."orderId"
      ORDER BY o.id
      FOR NO KEY UPDATE OF o, f),
    ok AS (SELECT * FROM lk WHERE status = 'PENDING' AND "expiresAt" > at),
    f AS (UPDATE "Offer" x SET status = 'DECLINED', "respondedAt" = ok.at, reason = ok.reason FROM ok WHERE x.id = ok.id RETURNING x.id),
    aud AS (${auditRowsSql(audits, Prisma.sql`a."entityId" IN (SELECT id::text FROM ok)`)})
    SELECT lk.k, lk."orderId", lk.status, lk."order", lk.context, lk.id IN (SELECT id FROM f) AS declined FROM lk`,
  );
  const byK = new Map(locked.map((l) => [l.k, l]));
  const declined = unique.flatMap((d, k) => {
    const l = byK.get(k);
    return l?.declined ? [{ d, l }] : [];
  });
  const routes = await rerouteOrdersInTx(
    tx,
    declined.map(({ d, l }) => ({
      order: l.order,
      context: l.context,
      alsoLock: [d.actor.vendorId],
      actor: d.actor,
      now: d.now,
    })),
    { now: items[0]!.now, actor: items[0]!.actor },
  );
  const routeOf = new Map(declined.map(({ d, l }, n) => [d.offerId, { orderId: l.orderId, route: routes[n]! }]));
  return items.map((d, i) => {
    const first = firstFor.get(d.offerId)!;
    const done = routeOf.get(d.offerId);
    if (done && first === i) return done;
    if (done) return new AppError("INVALID_STATE", { status: "DECLINED" });
    const l = byK.get(unique.indexOf(items[first]!));
    if (!l) return new AppError("NOT_FOUND");
    if (l.status !== "PENDING") return new AppError("INVALID_STATE", { status: l.status });
    return new AppError("OFFER_EXPIRED");
  });
}

/**
 * Declining an offer: the order is routed again at once, without the vendor that said no. Declines that arrive
 * together are written and routed together in one transaction (see declineTogether).
 */
export async function declineOffer(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; offerId: string; reason: string },
): Promise<Declined> {
  const { clock, actor, offerId, reason } = opts;
  const why = parseInput(declineInput, { reason }).reason;
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  return declineBatcherFor(db).submit({
    actor: { ...actor, vendorId: actor.vendorId },
    offerId,
    reason: why,
    now: clock.now(),
  });
}
