// routeOrder (DESIGN.md §3) inside the caller's transaction, which already holds the order's row lock.
// Locks the pool's vendor rows (sorted, in one statement), reads their standings in one statement and applies the
// pure rule (lib/domain/routing.ts planRoute). Only when the pool is exhausted and the city-wide reserve is on does
// it need the whole decree: it then rolls back to a savepoint taken before the pool's locks (which releases them)
// and locks the pool and every UMKM of the decree again in one sorted statement — so a routing never waits for a
// lock while holding one it took, and the everyday case locks only its pool. It then reads the reserve's
// standings and either offers the order to the first candidate or escalates it — recording the ranked candidates
// and each exclusion's reason, with its audit row, in the same transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { linkEnv } from "@/lib/env";
import { offerLinkFor } from "@/lib/data/offers/offer-link-secret";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/data/audit";
import { auditRowsSql, type AuditRow } from "@/lib/data/audit-sql";
import { decreeInForceSql } from "@/lib/data/decree/find-decree-in-force";
import { lockVendors } from "@/lib/data/tx";
import { notifyManySql, whatsappNudgesSql, type Notice, type Nudge } from "@/lib/data/notifications/notify";
import { offerNudgeMessage } from "@/lib/domain/whatsapp";
import {
  decisionCandidates,
  planRoute,
  type EscalationReason,
  type PoolVendor,
  type RoutePlan,
  type RouteScope,
} from "@/lib/domain/routing";
import { canTransition } from "@/lib/domain/order-state";
import { resolveSettings, SETTINGS_KEY, type RoutingSettings } from "@/lib/domain/settings";
import { dayAsDate, formatDateTimeWIB, wibDay } from "@/lib/format";
import type {
  EkatalogStatus,
  MenuCategory,
  OrderStatus,
  ProcurementMethod,
  VendorStatus,
} from "@/lib/generated/prisma/enums";

export interface RoutableOrder {
  id: string;
  number: string;
  opdId: string;
  status: OrderStatus;
  deliveryAt: Date;
  deliveryDay: Date;
  category: MenuCategory;
  pax: number;
  total: bigint;
  method: ProcurementMethod;
  eventName: string;
}

export type RouteOutcome =
  | {
      kind: "OFFERED";
      offerId: string;
      vendorId: string;
      vendorCode: string;
      vendorName: string;
      expiresAt: Date;
      /** When it reaches the vendor's phone (after the quiet hours, or now). */
      sendAt: Date;
      round: number;
      scope: RouteScope;
    }
  | { kind: "ESCALATED"; reason: EscalationReason; round: number };

export interface StandingRow {
  id: string;
  code: string;
  name: string;
  status: VendorStatus;
  ekatalogStatus: EkatalogStatus;
  dailyCapacityPax: number;
  categories: string[];
  unavailable: boolean;
  suspended: boolean;
  booked: bigint;
  awarded: bigint;
  pending: bigint;
  awardedOrders: bigint;
  lastAwardAt: Date | null;
  prior: string | null;
}

/**
 * Every given vendor's standing for an order — value awarded and pending in the order's fiscal year
 * (city-wide), the day's load, categories, sanctions, its earlier answer to this order — in one round trip.
 * With `lock`, first locks those vendor rows (plus `alsoLock`) in id order (the SQL function
 * `mm_lock_pool_standings`); without, a plain read (`mm_pool_standings`, migration 20261128194500).
 */
export async function readStandings(
  tx: Tx,
  vendorIds: string[],
  order: Pick<RoutableOrder, "id" | "deliveryAt" | "deliveryDay">,
  now: Date,
  lock: { alsoLock: string[]; decree?: string | null } | null,
): Promise<StandingRow[]> {
  const { fyStart, fyEnd } = fiscalYearDays(order.deliveryAt);
  return lock
    ? tx.$queryRaw<StandingRow[]>`
    SELECT * FROM "mm_lock_pool_standings"(${vendorIds}::uuid[], ${lock.alsoLock}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date,
      ${fyStart}::date, ${fyEnd}::date, ${now}::timestamptz, ${lock.decree ?? null}::uuid)`
    : tx.$queryRaw<StandingRow[]>`
    SELECT * FROM "mm_pool_standings"(${vendorIds}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date,
      ${fyStart}::date, ${fyEnd}::date, ${now}::timestamptz)`;
}

/**
 * The reserve's standings for an order: every UMKM of the decree outside the pool, each with its weight
 * (`mm_reserve_standings`, migration 20261129170000). Read under the locks routing already holds.
 */
export async function readReserveStandings(
  tx: Tx,
  decreeId: string,
  poolIds: string[],
  order: Pick<RoutableOrder, "id" | "deliveryAt" | "deliveryDay">,
  now: Date,
): Promise<(StandingRow & { weight: number })[]> {
  const { fyStart, fyEnd } = fiscalYearDays(order.deliveryAt);
  return tx.$queryRaw<(StandingRow & { weight: number })[]>`
    SELECT * FROM "mm_reserve_standings"(${decreeId}::uuid, ${poolIds}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date,
      ${fyStart}::date, ${fyEnd}::date, ${now}::timestamptz)`;
}

/** The first day of the delivery's fiscal year and of the next: the span a vendor's standing counts. */
export function fiscalYearDays(deliveryAt: Date): { fyStart: Date; fyEnd: Date } {
  const year = Number(wibDay(deliveryAt).slice(0, 4));
  return { fyStart: dayAsDate(`${year}-01-01`), fyEnd: dayAsDate(`${year + 1}-01-01`) };
}

/** The order's routing facts as one JSON value, in SQL (`o`: the alias of its "Order" row); see decodeRoutableOrder. */
export function routableOrderJsonSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`json_build_object('id', ${o}.id, 'number', ${o}.number, 'opdId', ${o}."opdId", 'status', ${o}.status,
    'deliveryAt', ${o}."deliveryAt", 'deliveryDay', ${o}."deliveryDay", 'category', ${o}.category, 'pax', ${o}.pax,
    'total', ${o}.total::text, 'method', ${o}.method, 'eventName', ${o}."eventName")`;
}

/** routableOrderJsonSql's value as it arrives (dates as text, the total as a decimal string). */
export type RoutableOrderJson = Omit<RoutableOrder, "deliveryAt" | "deliveryDay" | "total"> & {
  deliveryAt: string;
  deliveryDay: string;
  total: string;
};

export function decodeRoutableOrder(o: RoutableOrderJson): RoutableOrder {
  return {
    ...o,
    deliveryAt: new Date(o.deliveryAt),
    deliveryDay: new Date(`${o.deliveryDay.slice(0, 10)}T00:00:00.000Z`),
    total: BigInt(o.total),
  };
}

/** An order as the routing rule's input. */
export function orderToRoute(order: RoutableOrder) {
  return {
    orderId: order.id,
    category: order.category,
    pax: order.pax,
    method: order.method,
    deliveryAt: order.deliveryAt,
  };
}

/** A standings row as the routing rule's input. */
export function toPoolVendor(r: StandingRow, weight: number): PoolVendor {
  return {
    vendorId: r.id,
    code: r.code,
    name: r.name,
    weight,
    status: r.status,
    suspended: r.suspended,
    categories: r.categories as MenuCategory[],
    unavailableOnDay: r.unavailable,
    ekatalogStatus: r.ekatalogStatus,
    capacityPax: r.dailyCapacityPax,
    bookedPax: Number(r.booked),
    awardedValue: BigInt(r.awarded),
    pendingValue: BigInt(r.pending),
    awardedOrders: Number(r.awardedOrders),
    lastAwardAt: r.lastAwardAt,
    priorOutcome: (r.prior as PoolVendor["priorOutcome"]) ?? null,
  };
}

/** One allocation of the decree: a vendor and its weight in one OPD's pool. */
export interface AllocationRow {
  vendorId: string;
  weight: number;
}

/**
 * The SQL of an OPD's pool under a decree, as JSON: each UMKM with its weight — its largest allocation weight in
 * the whole decree (as decreeWeights in lib/domain/routing.ts and mm_decree_weights; read per pool vendor through
 * the vendor index, not over the whole decree).
 */
export function poolJsonSql(decreeId: Prisma.Sql, opdId: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('vendorId', a."vendorId", 'weight',
      (SELECT max(b.weight) FROM "Allocation" b WHERE b."vendorId" = a."vendorId" AND b."decreeId" = a."decreeId")) ORDER BY a."vendorId")
    FROM "Allocation" a WHERE a."decreeId" = ${decreeId} AND a."opdId" = (${opdId})::uuid), '[]'::json)`;
}

/** The decree in force on the delivery day, this OPD's pool under it, the next round and the settings — one round trip. */
async function readPool(tx: Tx, order: RoutableOrder) {
  const [row] = await tx.$queryRaw<
    { decreeId: string | null; round: number; pool: AllocationRow[]; settings: unknown }[]
  >`
    WITH d AS (${decreeInForceSql(order.deliveryDay)})
    SELECT (SELECT id FROM d) AS "decreeId", (SELECT s.value FROM "Setting" s WHERE s.key = ${SETTINGS_KEY}) AS settings,
      (SELECT COALESCE(max(r.round), 0) + 1 FROM "RoutingDecision" r WHERE r."orderId" = ${order.id}::uuid)::int AS round,
      ${poolJsonSql(Prisma.sql`(SELECT id FROM d)`, order.opdId)} AS pool`;
  return row!;
}

/** Plain words for an escalation's cause, for the admins' notification (codes never reach a person). */
const ESCALATION_TEXT: Record<EscalationReason, string> = {
  NO_DECREE: "belum ada SK Wali Kota yang berlaku pada hari antar",
  EMPTY_POOL: "OPD ini belum mendapat UMKM dalam SK",
  NO_ELIGIBLE_VENDOR: "tidak ada UMKM OPD ini yang memenuhi syarat",
  NO_ELIGIBLE_IN_CITY: "tidak ada UMKM OPD ini maupun cadangan kota yang memenuhi syarat",
  TOO_LATE: "waktu antar terlalu dekat untuk menawarkan lagi",
};

/** One routed order to write: its plan, the decree it was routed under, the round, when and by whom. */
export interface DecisionWrite {
  order: RoutableOrder;
  plan: RoutePlan;
  decreeId: string | null;
  round: number;
  now: Date;
  actor: Actor;
  /** Audit rows written with it (a submission's own "order.submitted"). */
  alsoAudit?: AuditRow[];
}

/**
 * Every routed order's rows in one statement, set-based (a handful of steps whatever the number of orders): the
 * order's state change (compare-and-set on the status it had), the routing decision, the offer, the audit rows and
 * the notifications (the vendor's offer, the OPD staff's WhatsApp nudge; the admins' escalation). Returns a row per
 * order: its index, the offer's id (null when escalated) and whether its state changed (`updated` 1, else 0: the
 * caller must roll back).
 */
export function writeDecisionsSql(writes: DecisionWrite[]): Prisma.Sql {
  const audits: AuditRow[] = [];
  const notices: Notice[] = [];
  const nudges: Nudge[] = [];
  const rows = writes.map((w, i) => {
    const { order, plan, round, now, actor } = w;
    audits.push(...(w.alsoAudit ?? []));
    const candidates = JSON.stringify(decisionCandidates(plan));
    const exclusions = JSON.stringify(plan.pool.exclusions);
    const scope = plan.reserve ? "RESERVE" : "POOL";
    const reserveExclusions = plan.reserve ? JSON.stringify(plan.reserve.exclusions) : null;
    if (plan.kind === "ESCALATE") {
      audits.push({
        actor,
        action: "order.escalated",
        entity: "Order",
        entityId: order.id,
        before: { status: order.status },
        after: { status: "ESCALATED", reason: plan.reason, round },
      });
      notices.push({
        audience: { role: "ADMIN" },
        at: now,
        note: {
          kind: "order.escalated",
          title: `Pesanan ${order.number} perlu penugasan`,
          body: `${order.eventName}: ${ESCALATION_TEXT[plan.reason]}.`,
          link: "/admin",
        },
      });
      return Prisma.sql`(${i}::int, ${order.id}::uuid, ${order.status}::"OrderStatus", 'ESCALATED'::"OrderStatus", NULL::uuid, false::boolean, ${now}::timestamptz,
        ${round}::int, NULL::uuid, ${candidates}::jsonb, ${exclusions}::jsonb, ${scope}, ${reserveExclusions}::jsonb, ${`ESCALATED:${plan.reason}`},
        NULL::uuid, NULL::bigint, NULL::int, NULL::date, NULL::timestamptz, NULL::timestamptz)`;
    }
    const { chosen, expiresAt } = plan;
    // The offer's id is made here, so its message can carry the one-tap link signed for it (lib/domain/offer-link.ts).
    const offerId = randomUUID();
    const link = offerLinkFor({ id: offerId, vendorId: chosen.vendorId, expiresAt });
    audits.push({
      actor,
      action: "order.offered",
      entity: "Order",
      entityId: order.id,
      before: { status: order.status },
      after: { status: "OFFERED", round, vendor: chosen.code, expiresAt, scope: plan.scope },
    });
    notices.push({
      audience: { vendorId: chosen.vendorId },
      at: now,
      sendAt: plan.sendAt,
      viaGateway: true,
      note: {
        kind: "offer.new",
        title:
          plan.scope === "RESERVE" ? `Tawaran baru ${order.number} (cadangan kota)` : `Tawaran baru ${order.number}`,
        body: `${order.pax} porsi, ${order.eventName}. Jawab sebelum ${formatDateTimeWIB(expiresAt)}.`,
        link,
      },
    });
    nudges.push({
      opdId: order.opdId,
      vendorId: chosen.vendorId,
      at: now,
      note: {
        kind: "offer.whatsapp",
        title: `Ingatkan ${chosen.name} lewat WhatsApp`,
        body: `Pesanan ${order.number} ditawarkan; batas jawab ${formatDateTimeWIB(expiresAt)}.`,
      },
      message: offerNudgeMessage({
        vendorName: chosen.name,
        orderNumber: order.number,
        pax: order.pax,
        eventName: order.eventName,
        deliveryAt: order.deliveryAt,
        expiresAt,
        link: `${linkEnv().APP_URL}${link}`,
      }),
    });
    return Prisma.sql`(${i}::int, ${order.id}::uuid, ${order.status}::"OrderStatus", 'OFFERED'::"OrderStatus", ${w.decreeId}::uuid, ${plan.scope === "RESERVE"}::boolean, ${now}::timestamptz,
      ${round}::int, ${chosen.vendorId}::uuid, ${candidates}::jsonb, ${exclusions}::jsonb, ${scope}, ${reserveExclusions}::jsonb, 'OFFERED',
      ${offerId}::uuid, ${order.total}::bigint, ${order.pax}::int, ${order.deliveryDay}::date, ${expiresAt}::timestamptz,
      ${plan.sendAt.getTime() > now.getTime() ? plan.sendAt : null}::timestamptz)`;
  });
  return Prisma.sql`
    WITH v AS (SELECT gen_random_uuid() AS decision, * FROM (VALUES ${Prisma.join(rows)})
      AS v(i, "orderId", "from", "to", "decreeId", reserve, at, round, vendor, candidates, exclusions, scope, "reserveExclusions", outcome,
           "offerId", value, pax, day, "expiresAt", "sendAt")),
    upd AS (
      UPDATE "Order" o SET status = v."to",
        "decreeId" = CASE WHEN v."to" = 'OFFERED' THEN v."decreeId" ELSE o."decreeId" END,
        "reserveAt" = CASE WHEN v.reserve THEN COALESCE(o."reserveAt", v.at) ELSE o."reserveAt" END,
        "escalatedAt" = CASE WHEN v."to" = 'ESCALATED' THEN v.at ELSE o."escalatedAt" END,
        "vendorId" = NULL, "awardedAt" = NULL, version = o.version + 1, "updatedAt" = now()
      FROM v WHERE o.id = v."orderId" AND o.status = v."from"
      RETURNING o.id),
    dec AS (
      INSERT INTO "RoutingDecision" (id, "orderId", round, "decidedAt", "chosenVendorId", candidates, exclusions, scope, "reserveExclusions", outcome)
      SELECT decision, "orderId", round, at, vendor, candidates, exclusions, scope, "reserveExclusions", outcome FROM v),
    off AS (
      INSERT INTO "Offer" (id, "orderId", "vendorId", "decisionId", round, status, value, pax, "deliveryDay", "offeredAt", "expiresAt", "sendAt")
      SELECT "offerId", "orderId", vendor, decision, round, 'PENDING', value, pax, day, at, "expiresAt", "sendAt" FROM v WHERE "offerId" IS NOT NULL),
    aud AS (${auditRowsSql(audits)}),
    ntf AS (${notifyManySql(notices)}),
    wa AS (${whatsappNudgesSql(nudges)})
    SELECT v.i, v."offerId", (upd.id IS NOT NULL)::int AS updated FROM v LEFT JOIN upd ON upd.id = v."orderId" ORDER BY v.i`;
}

/** The outcome a written plan reports. */
export function routeOutcome(plan: RoutePlan, round: number, offerId: string | null): RouteOutcome {
  if (plan.kind === "ESCALATE") return { kind: "ESCALATED", reason: plan.reason, round };
  return {
    kind: "OFFERED",
    offerId: offerId!,
    vendorId: plan.chosen.vendorId,
    vendorCode: plan.chosen.code,
    vendorName: plan.chosen.name,
    expiresAt: plan.expiresAt,
    sendAt: plan.sendAt,
    round,
    scope: plan.scope,
  };
}

/**
 * The savepoint routing takes before its first vendor lock when the city-wide reserve may be needed: rolling back to
 * it releases those locks, so the wider set is locked from nothing, in one sorted statement (PostgreSQL releases row
 * locks taken after a savepoint when rolling back to it).
 */
export const ROUTING_SAVEPOINT = "mm_routing_locks";

export async function routeOrderInTx(
  tx: Tx,
  order: RoutableOrder,
  /** `settings`: when the caller has them already; otherwise read with the pool. */
  ctx: { now: Date; settings?: RoutingSettings; actor: Actor; alsoLock?: string[] },
): Promise<RouteOutcome> {
  const { now, actor } = ctx;
  if (!canTransition(order.status, "OFFERED") || !canTransition(order.status, "ESCALATED")) {
    throw new Error(`order ${order.number} cannot be routed from ${order.status}`);
  }
  const { decreeId, round, pool: allocations, settings: stored } = await readPool(tx, order);
  const settings = ctx.settings ?? resolveSettings(stored);
  const weights = new Map(allocations.map((a) => [a.vendorId, a.weight]));
  // What this routing may choose from is locked at once, in id order (see the header): the pool and the extra ids;
  // the whole decree only once the pool proves exhausted.
  let pool: PoolVendor[] = [];
  const lockAndRead = async (decree: string | null) => {
    const rows = await readStandings(tx, [...weights.keys()], order, now, { alsoLock: ctx.alsoLock ?? [], decree });
    pool = rows.map((r) => toPoolVendor(r, weights.get(r.id) ?? 1));
  };
  const reserveOn = decreeId !== null && settings.cityReserve;
  if (!decreeId) await lockVendors(tx, ctx.alsoLock ?? []);
  else {
    if (reserveOn) await tx.$executeRawUnsafe(`SAVEPOINT ${ROUTING_SAVEPOINT}`);
    await lockAndRead(null);
  }
  const planWith = (reserveRows: (StandingRow & { weight: number })[] | undefined) =>
    planRoute(
      orderToRoute(order),
      decreeId,
      pool,
      reserveRows?.map((r) => toPoolVendor(r, r.weight)),
      now,
      settings,
    );
  let first = planWith(undefined);
  if (first.kind === "NEEDS_RESERVE" && reserveOn) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${ROUTING_SAVEPOINT}`);
    await lockAndRead(decreeId);
    first = planWith(undefined); // the pool may have moved while it was not locked
  }
  const plan =
    first.kind !== "NEEDS_RESERVE" || !decreeId
      ? first
      : planWith(await readReserveStandings(tx, decreeId, [...weights.keys()], order, now));
  if (plan.kind === "NEEDS_RESERVE") throw new Error("the reserve was read but the plan still asks for it");
  // Decision, offer, state change (compare-and-set), audit row and the notifications: one statement.
  const [r] = await tx.$queryRaw<{ offerId: string | null; updated: number }[]>(
    writeDecisionsSql([{ order, plan, decreeId, round, now, actor }]),
  );
  if (r!.updated !== 1) throw new Error(`order ${order.number} changed state during routing`);
  return routeOutcome(plan, round, r!.offerId);
}

export const ROUTABLE_ORDER_SELECT = {
  id: true,
  number: true,
  opdId: true,
  status: true,
  deliveryAt: true,
  deliveryDay: true,
  category: true,
  pax: true,
  total: true,
  method: true,
  eventName: true,
} as const;
