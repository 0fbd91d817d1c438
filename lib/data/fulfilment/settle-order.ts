// What settling an accepted order shares (confirm-delivery.ts, report-failure.ts): the delivery and failure rules'
// schemas, the accepted order locked and read with its offer and the settings (lockAcceptedOrder), the vendor's record
// in the sanction window (readFailureRecord), and a failure recorded in the caller's transaction (failInTx: the
// sanction proposed on the SP1→SP2→SP3 ladder, and the order routed again at once when there is still time).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import id from "@/messages/id.json";
import { AppError } from "@/lib/errors";
import { type Actor } from "@/lib/data/audit";
import { lockOrder, lockVendors } from "@/lib/data/tx";
import { releaseBudgetSql } from "@/lib/db/sql/budget";
import { transitionOrderSql } from "@/lib/data/orders/transition-order";
import { routeOrderInTx, type RoutableOrder, type RouteOutcome } from "@/lib/data/routing/route-order";
import { auditInsertSql } from "@/lib/db/sql/audit";
import { notice, notifyManySql, type Notice } from "@/lib/data/notifications/notify";
import { type RawSql } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveSettings, SETTINGS_KEY, type RoutingSettings } from "@/lib/domain/settings";
import { FAILURE_TYPES, sanctionLevelFor, SUSPENDING_LEVELS, type FailureRecord } from "@/lib/domain/sanctions";
import { dayAsDate, wibDay } from "@/lib/format";
import { offerDeadline } from "@/lib/domain/routing";
import { OrderStatus, ProcurementMethod, type FailureType, type SanctionLevel } from "@/lib/generated/prisma/enums";
import { queryOne } from "@/lib/db/sql/decode";
import { bool, day, instant, int, int8, row, text, uuid } from "@/lib/db/sql/columns";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { vm } from "@/lib/domain/validation-message";

export const deliverySchema = z
  .object({
    deliveredAt: z.coerce.date({ message: vm("delivery.receivedInvalid") }),
    quantityReceived: z.coerce.number().int().min(0, vm("delivery.quantityNegative")),
    rating: z.coerce.number().int().min(1, vm("delivery.rating")).max(5, vm("delivery.rating")).optional().nullable(),
    // Why it arrived well before the scheduled time (required then, lib/domain/delivery-time.ts).
    earlyReason: z.string().trim().max(500).optional().nullable(),
  })
  .strict();

export const failureSchema = z
  .object({
    type: z.enum(FAILURE_TYPES, {
      message: vm("failure.type"),
    }),
    evidence: z.string().trim().min(10, vm("failure.evidence")).max(2000),
  })
  .strict();

export type SettleResult =
  | { outcome: "DELIVERED"; lateMinutes: number }
  | {
      outcome: "FAILED";
      failureType: FailureType;
      sanctionLevel: SanctionLevel;
      sanctionId: string;
      rerouted: RouteOutcome | null;
    };

export type SettleActor = Actor & { id: string; opdId?: string | null; vendorId?: string | null };

/** An accepted order as settling it needs it: its routing facts, budget, vendor, year and price. */
type AcceptedOrder = RoutableOrder & { budgetId: string; vendorId: string; fiscalYear: number; unitPrice: bigint };

interface AcceptedContext {
  order: AcceptedOrder;
  offer: { id: string; vendorId: string; respondedAt: Date | null; offeredAt: Date };
  settings: RoutingSettings;
}

const acceptedOrderRow = row({
  id: uuid,
  number: text,
  opdId: uuid,
  status: z.enum(OrderStatus),
  deliveryAt: instant,
  deliveryDay: day,
  category: z.enum(MENU_CATEGORIES),
  pax: int,
  total: int8,
  method: z.enum(ProcurementMethod),
  eventName: text,
  budgetId: uuid,
  vendorId: uuid.nullable(),
  fiscalYear: int,
  unitPrice: int8,
  offerId: uuid.nullable(),
  respondedAt: instant.nullable(),
  offeredAt: instant.nullable(),
  settings: z.unknown(),
});

/**
 * Locks the order (the first lock of every order transition), then reads it with its accepted offer and the settings
 * in one statement; refuses an order the actor may not settle (NOT_FOUND, as if it did not exist) or that is not
 * awaiting delivery. Raw statements only, so it runs on the hot path's connection or a Prisma transaction alike.
 */
export async function lockAcceptedOrder(tx: RawSql, actor: SettleActor, orderId: string): Promise<AcceptedContext> {
  if (!(await lockOrder(tx, orderId))) throw new AppError("NOT_FOUND");
  const found = await queryOne(
    tx,
    "lockAcceptedOrder",
    acceptedOrderRow,
    Prisma.sql`
    SELECT o.id, o.number, o."opdId", o.status::text AS status, o."deliveryAt", o."deliveryDay", o.category::text AS category, o.pax,
      o.total, o.method::text AS method, o."eventName", o."budgetId", o."vendorId", o."fiscalYear", o."unitPrice",
      f.id AS "offerId", f."respondedAt", f."offeredAt", (SELECT s.value FROM "Setting" s WHERE s.key = ${SETTINGS_KEY}) AS settings
    FROM "Order" o LEFT JOIN "Offer" f ON f."orderId" = o.id AND f.status = 'ACCEPTED' AND f."vendorId" = o."vendorId"
    WHERE o.id = ${orderId}::uuid`,
  );
  if (!found) throw new AppError("NOT_FOUND");
  const { offerId, respondedAt, offeredAt, settings, ...order } = found;
  const mayAct =
    actor.role === "ADMIN" ||
    (actor.role === "OPD_STAFF" && actor.opdId === order.opdId) ||
    (actor.role === "VENDOR" && actor.vendorId != null && actor.vendorId === order.vendorId);
  if (!mayAct) throw new AppError("NOT_FOUND");
  if (order.status !== "ACCEPTED" || !order.vendorId) throw new AppError("INVALID_STATE", { status: order.status });
  if (!offerId || !offeredAt) throw new Error(`accepted order ${order.number} has no accepted offer`);
  return {
    order: { ...order, vendorId: order.vendorId },
    offer: { id: offerId, vendorId: order.vendorId, respondedAt, offeredAt },
    settings: resolveSettings(settings),
  };
}

const readFailureRecordRow = row({ failures: int, due: int, suspended: bool });

/**
 * The vendor's record in the sanction window (lib/domain/sanctions.ts FailureRecord), in one round trip: failures
 * recorded since the window began; orders it was awarded (offers ACCEPTED or FAILED) whose delivery day fell in the
 * window and has come, or that failed; and whether a suspension (SP2 or SP3) was confirmed for it in the window.
 */
export async function readFailureRecord(
  tx: RawSql,
  vendorId: string,
  now: Date,
  windowDays: number,
): Promise<FailureRecord> {
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const r = await queryOne(
    tx,
    "readFailureRecord",
    readFailureRecordRow,
    Prisma.sql`
    SELECT
      (SELECT count(*) FROM "Fulfilment" f WHERE f."vendorId" = ${vendorId}::uuid AND f.outcome = 'FAILED' AND f."createdAt" >= ${since})::int AS failures,
      (SELECT count(*) FROM "Offer" o WHERE o."vendorId" = ${vendorId}::uuid AND o."deliveryDay" >= ${dayAsDate(wibDay(since))}::date
         AND (o.status = 'FAILED' OR (o.status = 'ACCEPTED' AND o."deliveryDay" <= ${dayAsDate(wibDay(now))}::date)))::int AS due,
      EXISTS (SELECT 1 FROM "Sanction" s WHERE s."vendorId" = ${vendorId}::uuid AND s.status = 'CONFIRMED' AND s.level = ANY(${[...SUSPENDING_LEVELS]}::"SanctionLevel"[])
              AND s."decidedAt" >= ${since}) AS suspended`,
  );
  return { failures: r!.failures, dueOrders: r!.due, suspendedBefore: r!.suspended };
}

const failInTxWriteRow = row({ ended: int });

/**
 * Records a failure of the accepted order in the caller's transaction, in four statements besides the routing: the
 * vendor's row locked; the offer marked FAILED with the fulfilment record; the vendor's record in the sanction window
 * read (it counts this failure); then the proposed sanction with its audit row and the notices to the admins and the
 * vendor — and, when there is no time left to route it again, the order FAILED and its budget released — in one.
 * With time left, the order is routed to the next vendor at once (this one is excluded for this order).
 */
export async function failInTx(
  tx: RawSql,
  now: Date,
  actor: SettleActor,
  ctx: AcceptedContext,
  failure: {
    type: FailureType;
    evidence: string;
    lateMinutes?: number;
    quantityReceived?: number;
    rating?: number | null;
  },
): Promise<SettleResult> {
  const { order, offer, settings } = ctx;
  await lockVendors(tx, [offer.vendorId]);
  const recorded = await tx.$executeRaw`
    WITH f AS (UPDATE "Offer" SET status = 'FAILED' WHERE id = ${offer.id}::uuid AND status = 'ACCEPTED' RETURNING id)
    INSERT INTO "Fulfilment" (id, "orderId", "offerId", "vendorId", outcome, "failureType", evidence, "lateMinutes", "quantityReceived", rating, "reportedById", "createdAt")
    SELECT ${randomUUID()}::uuid, ${order.id}::uuid, f.id, ${offer.vendorId}::uuid, 'FAILED', ${failure.type}::"FailureType", ${failure.evidence},
      ${failure.lateMinutes ?? null}::int, ${failure.quantityReceived ?? null}::int, ${failure.rating ?? null}::int, ${actor.id}::uuid, ${now}::timestamptz
    FROM f`;
  if (recorded !== 1) throw new AppError("INVALID_STATE");
  const record = await readFailureRecord(tx, offer.vendorId, now, settings.sanctionWindowDays);
  const level = sanctionLevelFor(record, settings);
  const sanctionId = randomUUID();
  // In words, never a code (the vendor and the admins read it): the failure types' Indonesian names.
  const cause = `${order.number}: ${id.orderDetail.failTypes[failure.type]} — ${failure.evidence}`;
  const reroute =
    offerDeadline(now, order.deliveryAt, settings.responseWindowMinutes, settings.minLeadMinutes) !== null;
  const notices: Notice[] = [
    {
      audience: { role: "ADMIN" },
      at: now,
      note: notice(
        "sanction.proposed",
        "sanctionProposed",
        {
          level: { label: `status.sanctionLevel.${level}` },
          number: order.number,
          failure: { label: `orderDetail.failTypes.${failure.type}` },
          evidence: failure.evidence,
        },
        "/admin",
      ),
    },
    {
      audience: { vendorId: offer.vendorId },
      at: now,
      note: notice("order.failed", "orderFailed", { number: order.number, evidence: failure.evidence }, "/vendor"),
    },
  ];
  const audit = auditInsertSql(actor, {
    action: "order.failed",
    entity: "Order",
    entityId: order.id,
    before: { status: "ACCEPTED" },
    after: {
      failureType: failure.type,
      vendorId: offer.vendorId,
      sanction: level,
      failuresInWindow: record.failures,
      dueOrdersInWindow: record.dueOrders,
      suspendedBefore: record.suspendedBefore,
    },
  });
  // No time left: the order ends FAILED (compare-and-set; the state machine's trigger checks the move) and its
  // reservation goes back to the budget.
  const ended = reroute
    ? Prisma.sql`SELECT NULL::uuid AS id WHERE false`
    : transitionOrderSql({ orderId: order.id, from: "ACCEPTED", to: "FAILED" });
  const written = await queryOne(
    tx,
    "failInTx.write",
    failInTxWriteRow,
    Prisma.sql`
    WITH s AS (
      INSERT INTO "Sanction" (id, "vendorId", "orderId", level, status, cause, "proposedAt", "proposedById")
      VALUES (${sanctionId}::uuid, ${offer.vendorId}::uuid, ${order.id}::uuid, ${level}::"SanctionLevel", 'PROPOSED', ${cause}, ${now}::timestamptz, ${actor.id}::uuid)),
    a AS (${audit}),
    n AS (${notifyManySql(notices)}),
    e AS (${ended}),
    b AS (${releaseBudgetSql(order.budgetId, order.total, Prisma.sql`EXISTS (SELECT 1 FROM e)`)})
    SELECT (SELECT count(*) FROM e)::int AS ended`,
  );
  if (!reroute && written!.ended !== 1) throw new AppError("INVALID_STATE");
  const rerouted = reroute ? await routeOrderInTx(tx, order, { now, settings, actor }) : null;
  return { outcome: "FAILED", failureType: failure.type, sanctionLevel: level, sanctionId, rerouted };
}

/** Delivery photos one account may store per hour (an hour's honest work is a handful; 5 MB each at most). */
export const PHOTOS_PER_HOUR = 30;
