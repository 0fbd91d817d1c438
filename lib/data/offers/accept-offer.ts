// A vendor accepts an offer: acceptances that arrive together are written together in one statement that locks each
// order and its offer, checks them again under the lock and writes the acceptance, the order's state, the audit row
// and the OPD's notice (lib/data/offers/answer-offer.ts: what answering shares).
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { auditRowsSql, type AuditRow } from "@/lib/db/sql/audit";
import { withRetry } from "@/lib/data/tx";
import { rawSql } from "@/lib/db/raw";
import { batcherPer, MicroBatcher, oneByOneOnError } from "@/lib/data/batcher";
import { Prisma } from "@/lib/generated/prisma/client";
import { notice, notifyManySql, type Notice } from "@/lib/data/notifications/notify";
import { assertOrderTransition } from "@/lib/data/orders/transition-order";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, instant, int, row, text, uuid } from "@/lib/db/sql/columns";
import { OfferStatus, OrderStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import type { Accepted, VendorActor } from "@/lib/data/offers/answer-offer";

const offerStatus = z.enum(OfferStatus);

/** One vendor's acceptance, waiting to be written with the others that arrive with it. */
interface Acceptance {
  actor: VendorActor & { vendorId: string };
  offerId: string;
  now: Date;
}

// One bad answer must not fail the others: a failed batch is written again one by one.
const acceptBatcherFor = batcherPer(
  (db: Db) => new MicroBatcher<Acceptance, Accepted>(oneByOneOnError((items) => acceptTogether(db, items))),
);

/** Why an answer cannot be taken, from the offer's and its order's state; "ALREADY" for a double tap; null if it can. */
function refusal(status: string, expiresAt: Date, now: Date, orderStatus = "OFFERED"): AppError | "ALREADY" | null {
  if (status === "ACCEPTED") return "ALREADY";
  if (status !== "PENDING" || orderStatus !== "OFFERED") return new AppError("INVALID_STATE", { status });
  if (expiresAt.getTime() <= now.getTime()) return new AppError("OFFER_EXPIRED");
  return null;
}

const acceptTogetherWriteRow = row({
  i: int,
  status: offerStatus,
  expiresAt: instant,
  orderStatus: z.enum(OrderStatus),
  accepted: bool,
});

const acceptTogetherReadRow = row({
  i: int,
  orderId: uuid,
  status: offerStatus,
  expiresAt: instant,
  number: text,
  opdId: uuid,
  eventName: text,
});

/**
 * A batch of acceptances: a plain read of each offer — its own vendor's only — with its order's fixed facts (number,
 * event, OPD: the words of the OPD's notification); then, for those that can be taken, one statement that locks
 * every order and its offer (orders in id order, each before its offer, as every order transition does), checks them
 * again under the lock and, for each offer still PENDING, in time and with its order OFFERED, writes the acceptance,
 * the order's state, the audit row and the OPD's notification. A statement is its own transaction: all of an
 * acceptance or nothing. Accepting moves value from pending to awarded and keeps the day's load, so the vendor's
 * weighted total and capacity are unchanged and no vendor lock is needed (the order lock serialises answers).
 */
async function acceptTogether(db: Db, items: Acceptance[]): Promise<(Accepted | Error)[]> {
  const asked = Prisma.join(
    items.map((a, i) => Prisma.sql`(${i}::int, ${a.offerId}::uuid, ${a.actor.vendorId}::uuid, ${a.now}::timestamptz)`),
  );
  const read = await queryRows(
    rawSql(db),
    "acceptTogether.read",
    acceptTogetherReadRow,
    Prisma.sql`
    SELECT r.i, f."orderId", f.status::text AS status, f."expiresAt", o.number, o."opdId", o."eventName"
    FROM (VALUES ${asked}) AS r(i, offer, vendor, at)
    JOIN "Offer" f ON f.id = r.offer AND f."vendorId" = r.vendor JOIN "Order" o ON o.id = f."orderId"`,
  );
  const byIndex = new Map(read.map((r) => [r.i, r]));
  const results: (Accepted | Error | null)[] = items.map((a, i) => {
    const offer = byIndex.get(i);
    if (!offer) return new AppError("NOT_FOUND");
    const no = refusal(offer.status, offer.expiresAt, a.now);
    if (no === "ALREADY") return { orderId: offer.orderId, alreadyAccepted: true };
    return no; // null: to be written
  });
  // A double tap within the batch: the first answer is written, the others are told it was already accepted.
  const firstFor = new Map<string, number>();
  const repeats: [number, number][] = [];
  const todo = items.flatMap((a, i) => {
    if (results[i] !== null) return [];
    const first = firstFor.get(a.offerId);
    if (first !== undefined) {
      repeats.push([i, first]);
      return [];
    }
    firstFor.set(a.offerId, i);
    return [{ a, i, offer: byIndex.get(i)! }];
  });
  if (todo.length === 0) return results as (Accepted | Error)[];
  const rows = Prisma.join(
    todo.map(
      ({ a, i, offer }) =>
        Prisma.sql`(${i}::int, ${a.offerId}::uuid, ${a.actor.vendorId}::uuid, ${offer.orderId}::uuid, ${a.now}::timestamptz)`,
    ),
  );
  const audits: AuditRow[] = todo.map(({ a, offer }) => ({
    actor: a.actor,
    action: "offer.accepted",
    entity: "Offer",
    entityId: a.offerId,
    before: { status: "PENDING" },
    after: { status: "ACCEPTED", orderId: offer.orderId, ...(a.actor.via ? { via: a.actor.via } : {}) },
  }));
  const notices: Notice[] = todo.map(({ a, offer }) => ({
    audience: { opdId: offer.opdId },
    at: a.now,
    ref: a.offerId,
    note: notice("order.accepted", "orderAccepted", { number: offer.number, eventName: offer.eventName }, "/opd"),
  }));
  // The one move this statement makes: OFFERED → ACCEPTED (the state machine's, checked here; the trigger too).
  assertOrderTransition("OFFERED", "ACCEPTED");
  const written = await withRetry(() =>
    queryRows(
      rawSql(db),
      "acceptTogether.write",
      acceptTogetherWriteRow,
      Prisma.sql`
    WITH r AS (SELECT * FROM (VALUES ${rows}) AS r(i, offer, vendor, "orderId", at)),
    lk AS MATERIALIZED (
      SELECT r.i, r.at, r.vendor, f.id, f."orderId", f.status::text AS status, f."expiresAt", o.status::text AS "orderStatus"
      FROM r JOIN "Offer" f ON f.id = r.offer AND f."vendorId" = r.vendor JOIN "Order" o ON o.id = f."orderId"
      ORDER BY o.id
      FOR NO KEY UPDATE OF o, f),
    ok AS (SELECT * FROM lk WHERE status = 'PENDING' AND "orderStatus" = 'OFFERED' AND "expiresAt" > at),
    f AS (UPDATE "Offer" x SET status = 'ACCEPTED', "respondedAt" = ok.at FROM ok WHERE x.id = ok.id RETURNING x.id),
    o AS (UPDATE "Order" x SET status = 'ACCEPTED', "vendorId" = ok.vendor, "awardedAt" = ok.at, version = x.version + 1, "updatedAt" = now()
          FROM ok WHERE x.id = ok."orderId" RETURNING x.id),
    aud AS (${auditRowsSql(audits, Prisma.sql`a."entityId" IN (SELECT id::text FROM ok)`)}),
    ntf AS (${notifyManySql(notices, Prisma.sql`n.ref IN (SELECT id FROM ok)`)})
    SELECT lk.i, lk.status, lk."expiresAt", lk."orderStatus", lk.id IN (SELECT id FROM f) AS accepted FROM lk`,
    ),
  );
  const after = new Map(written.map((w) => [w.i, w]));
  for (const { a, i, offer } of todo) {
    const w = after.get(i);
    if (!w) results[i] = new AppError("NOT_FOUND");
    else if (w.accepted) results[i] = { orderId: offer.orderId, alreadyAccepted: false };
    else {
      // Answered, withdrawn or expired between the read and the lock: the same refusal as if seen at once.
      const no = refusal(w.status, w.expiresAt, a.now, w.orderStatus);
      results[i] =
        no === "ALREADY" ? { orderId: offer.orderId, alreadyAccepted: true } : (no ?? new AppError("INVALID_STATE"));
    }
  }
  for (const [i, first] of repeats) {
    const r = results[first]!;
    results[i] = r instanceof Error ? r : { orderId: r.orderId, alreadyAccepted: true };
  }
  return results as (Accepted | Error)[];
}

/**
 * Accepting an offer. Acceptances that arrive together (many vendors answering at once) are written together, in two
 * statements whatever their number and with no interactive transaction (see acceptTogether): under load N answers
 * cost two round trips instead of four each.
 */
export async function acceptOffer(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; offerId: string },
): Promise<Accepted> {
  const { clock, actor, offerId } = opts;
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  return acceptBatcherFor(db).submit({ actor: { ...actor, vendorId: actor.vendorId }, offerId, now: clock.now() });
}
