// A vendor's answer to an offer: accept, or decline with a reason. Both are compare-and-set on the
// offer (PENDING, not past its deadline) under the order's row lock; a decline re-routes at once.
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import type { Actor } from "@/lib/data/audit";
import { auditInsertSql } from "@/lib/data/audit-sql";
import { inTransaction } from "@/lib/data/tx";
import { getSettings } from "@/lib/data/settings/get-settings";
import { notifySql } from "@/lib/data/notifications/notify";
import { routeOrderInTx, type RoutableOrder, type RouteOutcome } from "@/lib/data/routing/route-order";
import { z } from "zod";

export interface VendorActor extends Actor {
  id: string;
  vendorId: string;
  /** How the answer came: "link" from the one-tap link in the offer's message (recorded in the audit row). */
  via?: "link";
}

export const declineReasonSchema = z.string().trim().min(3, "Tuliskan alasan menolak").max(500);

interface LockedOffer {
  id: string;
  orderId: string;
  vendorId: string;
  status: string;
  expiresAt: Date;
  order: RoutableOrder;
}

/** Loads the offer — for its own vendor only — and locks its order row (and the offer, so a waiting
 * second answer re-reads its fresh status), in one round trip. */
async function lockOwnOffer(tx: Tx, actor: VendorActor, offerId: string): Promise<LockedOffer> {
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const rows = await tx.$queryRaw<
    (Omit<LockedOffer, "order"> & {
      order: RoutableOrder & { deliveryAt: string; deliveryDay: string; total: string };
    })[]
  >`
    SELECT f.id, f."orderId", f."vendorId", f.status::text AS status, f."expiresAt",
      json_build_object('id', o.id, 'number', o.number, 'opdId', o."opdId", 'status', o.status, 'deliveryAt', o."deliveryAt", 'deliveryDay', o."deliveryDay",
                        'category', o.category, 'pax', o.pax, 'total', o.total::text, 'method', o.method, 'eventName', o."eventName") AS "order"
    FROM "Offer" f JOIN "Order" o ON o.id = f."orderId"
    WHERE f.id = ${offerId}::uuid AND f."vendorId" = ${actor.vendorId}::uuid
    FOR NO KEY UPDATE OF o, f`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND");
  const o = row.order;
  return {
    ...row,
    order: {
      ...o,
      deliveryAt: new Date(o.deliveryAt),
      deliveryDay: new Date(`${String(o.deliveryDay).slice(0, 10)}T00:00:00.000Z`),
      total: BigInt(o.total),
    },
  };
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
    // Accepting moves value from pending to awarded and keeps the day's load: the vendor's weighted
    // total and capacity are unchanged, so no vendor lock is needed (the order lock serialises answers).
    const note = {
      kind: "order.accepted",
      title: `Pesanan ${offer.order.number} diterima UMKM`,
      body: offer.order.eventName,
      link: "/opd",
    };
    const [r] = await tx.$queryRaw<{ offers: number; orders: number }[]>`
      WITH f AS (UPDATE "Offer" SET status = 'ACCEPTED', "respondedAt" = ${now} WHERE id = ${offer.id}::uuid AND status = 'PENDING' RETURNING id),
      o AS (UPDATE "Order" SET status = 'ACCEPTED', "vendorId" = ${offer.vendorId}::uuid, "awardedAt" = ${now}, version = version + 1, "updatedAt" = now()
            WHERE id = ${offer.orderId}::uuid AND status = 'OFFERED' RETURNING id),
      aud AS (${auditInsertSql(actor, { action: "offer.accepted", entity: "Offer", entityId: offer.id, before: { status: "PENDING" }, after: { status: "ACCEPTED", orderId: offer.orderId, ...(actor.via ? { via: actor.via } : {}) } })}),
      ntf AS (${notifySql({ opdId: offer.order.opdId }, note, now)})
      SELECT (SELECT count(*) FROM f)::int AS offers, (SELECT count(*) FROM o)::int AS orders`;
    if (r!.offers !== 1 || r!.orders !== 1) throw new AppError("INVALID_STATE");
    return { orderId: offer.orderId, alreadyAccepted: false };
  });
}

// Built once: zod compiles a schema on its first parse, so one made per call is compiled on every call.
const declineInput = z.object({ reason: declineReasonSchema });

export async function declineOffer(
  db: Db,
  clock: Clock,
  actor: VendorActor,
  offerId: string,
  reason: string,
): Promise<{ orderId: string; route: RouteOutcome }> {
  const why = parseInput(declineInput, { reason }).reason;
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const offer = await lockOwnOffer(tx, actor, offerId);
    if (offer.status !== "PENDING") throw new AppError("INVALID_STATE", { status: offer.status });
    if (offer.expiresAt.getTime() <= now.getTime()) throw new AppError("OFFER_EXPIRED");
    const [r] = await tx.$queryRaw<{ n: number }[]>`
      WITH f AS (UPDATE "Offer" SET status = 'DECLINED', "respondedAt" = ${now}, reason = ${why} WHERE id = ${offer.id}::uuid AND status = 'PENDING' RETURNING id),
      aud AS (${auditInsertSql(actor, { action: "offer.declined", entity: "Offer", entityId: offer.id, before: { status: "PENDING" }, after: { status: "DECLINED", reason: why, ...(actor.via ? { via: actor.via } : {}) } })})
      SELECT (SELECT count(*) FROM f)::int AS n`;
    if (r!.n !== 1) throw new AppError("INVALID_STATE");
    const route = await routeOrderInTx(tx, offer.order, {
      now,
      settings: await getSettings(tx),
      actor,
      alsoLock: [offer.vendorId],
    });
    return { orderId: offer.orderId, route };
  });
}
