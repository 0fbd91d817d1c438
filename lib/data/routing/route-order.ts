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
import { auditInsertSql } from "@/lib/data/audit-sql";
import { decreeInForceSql } from "@/lib/data/decree/find-decree-in-force";
import { lockVendors } from "@/lib/data/tx";
import { notifySql, whatsappNudgeSql } from "@/lib/data/notifications/notify";
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
import type { RoutingSettings } from "@/lib/domain/settings";
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
export function poolJsonSql(decreeId: Prisma.Sql, opdId: string): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('vendorId', a."vendorId", 'weight',
      (SELECT max(b.weight) FROM "Allocation" b WHERE b."vendorId" = a."vendorId" AND b."decreeId" = a."decreeId")) ORDER BY a."vendorId")
    FROM "Allocation" a WHERE a."decreeId" = ${decreeId} AND a."opdId" = ${opdId}::uuid), '[]'::json)`;
}

/** The decree in force on the delivery day, this OPD's pool under it, and the next round — one round trip. */
async function readPool(tx: Tx, order: RoutableOrder) {
  const [row] = await tx.$queryRaw<{ decreeId: string | null; round: number; pool: AllocationRow[] }[]>`
    WITH d AS (${decreeInForceSql(order.deliveryDay)})
    SELECT (SELECT id FROM d) AS "decreeId",
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

/**
 * The decision's rows as CTE steps (each starting with a comma): the routing decision, the offer, the audit
 * row and the notifications. The order's own row is the caller's. `suffix` makes the step names unique, so
 * the decisions of several orders can be written by one statement.
 */
export function decisionSql(
  order: RoutableOrder,
  plan: RoutePlan,
  ctx: { round: number; now: Date; actor: Actor; suffix?: string },
): Prisma.Sql {
  const { round, now, actor } = ctx;
  const name = (step: string) => Prisma.raw(`${step}${ctx.suffix ?? ""}`);
  const candidates = JSON.stringify(decisionCandidates(plan));
  const exclusions = JSON.stringify(plan.pool.exclusions);
  const scope = plan.reserve ? "RESERVE" : "POOL";
  const reserveExclusions = plan.reserve ? JSON.stringify(plan.reserve.exclusions) : null;
  if (plan.kind === "ESCALATE") {
    const note = {
      kind: "order.escalated",
      title: `Pesanan ${order.number} perlu penugasan`,
      body: `${order.eventName}: ${ESCALATION_TEXT[plan.reason]}.`,
      link: "/admin",
    };
    return Prisma.sql`,
    ${name("dec")} AS (
      INSERT INTO "RoutingDecision" (id, "orderId", round, "decidedAt", candidates, exclusions, scope, "reserveExclusions", outcome)
      VALUES (gen_random_uuid(), ${order.id}::uuid, ${round}, ${now}, ${candidates}::jsonb, ${exclusions}::jsonb, ${scope}, ${reserveExclusions}::jsonb, ${`ESCALATED:${plan.reason}`})),
    ${name("aud")} AS (${auditInsertSql(actor, { action: "order.escalated", entity: "Order", entityId: order.id, before: { status: order.status }, after: { status: "ESCALATED", reason: plan.reason, round } })}),
    ${name("ntf")} AS (${notifySql({ role: "ADMIN" }, note, now)})`;
  }
  const { chosen, expiresAt } = plan;
  // The offer's id is made here, so its message can carry the one-tap link signed for it (lib/domain/offer-link.ts).
  const offerId = randomUUID();
  const link = offerLinkFor({ id: offerId, vendorId: chosen.vendorId, expiresAt });
  const note = {
    kind: "offer.new",
    title: plan.scope === "RESERVE" ? `Tawaran baru ${order.number} (cadangan kota)` : `Tawaran baru ${order.number}`,
    body: `${order.pax} porsi, ${order.eventName}. Jawab sebelum ${formatDateTimeWIB(expiresAt)}.`,
    link,
  };
  const waMessage = offerNudgeMessage({
    vendorName: chosen.name,
    orderNumber: order.number,
    pax: order.pax,
    eventName: order.eventName,
    deliveryAt: order.deliveryAt,
    expiresAt,
    link: `${linkEnv().APP_URL}${link}`,
  });
  const nudge = {
    kind: "offer.whatsapp",
    title: `Ingatkan ${chosen.name} lewat WhatsApp`,
    body: `Pesanan ${order.number} ditawarkan; batas jawab ${formatDateTimeWIB(expiresAt)}.`,
  };
  return Prisma.sql`,
    ${name("dec")} AS (
      INSERT INTO "RoutingDecision" (id, "orderId", round, "decidedAt", "chosenVendorId", candidates, exclusions, scope, "reserveExclusions", outcome)
      VALUES (gen_random_uuid(), ${order.id}::uuid, ${round}, ${now}, ${chosen.vendorId}::uuid, ${candidates}::jsonb, ${exclusions}::jsonb, ${scope}, ${reserveExclusions}::jsonb, 'OFFERED')
      RETURNING id),
    ${name("off")} AS (
      INSERT INTO "Offer" (id, "orderId", "vendorId", "decisionId", round, status, value, pax, "deliveryDay", "offeredAt", "expiresAt", "sendAt")
      SELECT ${offerId}::uuid, ${order.id}::uuid, ${chosen.vendorId}::uuid, d.id, ${round}, 'PENDING', ${order.total}, ${order.pax}, ${order.deliveryDay}::date, ${now}, ${expiresAt},
        ${plan.sendAt.getTime() > now.getTime() ? plan.sendAt : null}::timestamptz FROM ${name("dec")} d
      RETURNING id),
    ${name("aud")} AS (${auditInsertSql(actor, {
      action: "order.offered",
      entity: "Order",
      entityId: order.id,
      before: { status: order.status },
      after: { status: "OFFERED", round, vendor: chosen.code, expiresAt, scope: plan.scope },
    })}),
    ${name("ntf")} AS (${notifySql({ vendorId: chosen.vendorId }, note, now, plan.sendAt, { viaGateway: true })}),
    ${name("wa")} AS (${whatsappNudgeSql(order.opdId, chosen.vendorId, nudge, waMessage, now)})`;
}

/** The state change of a routed order (compare-and-set on its status), as the UPDATE of a CTE step. */
export function routedOrderUpdateSql(order: RoutableOrder, plan: RoutePlan, decreeId: string | null, now: Date) {
  return Prisma.sql`
      UPDATE "Order" SET ${
        plan.kind === "OFFER"
          ? plan.scope === "RESERVE"
            ? Prisma.sql`status = 'OFFERED', "decreeId" = ${decreeId}::uuid, "reserveAt" = COALESCE("reserveAt", ${now})`
            : Prisma.sql`status = 'OFFERED', "decreeId" = ${decreeId}::uuid`
          : Prisma.sql`status = 'ESCALATED', "escalatedAt" = ${now}`
      }, "vendorId" = NULL, "awardedAt" = NULL, version = version + 1, "updatedAt" = now()
      WHERE id = ${order.id}::uuid AND status = ${order.status}::"OrderStatus" RETURNING id`;
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
  ctx: { now: Date; settings: RoutingSettings; actor: Actor; alsoLock?: string[] },
): Promise<RouteOutcome> {
  const { now, settings, actor } = ctx;
  if (!canTransition(order.status, "OFFERED") || !canTransition(order.status, "ESCALATED")) {
    throw new Error(`order ${order.number} cannot be routed from ${order.status}`);
  }
  const { decreeId, round, pool: allocations } = await readPool(tx, order);
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
  const offered = plan.kind === "OFFER";
  // Decision, offer, state change (compare-and-set), audit row and the notifications: one statement.
  const [r] = await tx.$queryRaw<{ offerId: string | null; updated: number }[]>`
    WITH upd AS (${routedOrderUpdateSql(order, plan, decreeId, now)})${decisionSql(order, plan, { round, now, actor })}
    SELECT ${offered ? Prisma.sql`(SELECT id FROM off)` : Prisma.sql`NULL::uuid`} AS "offerId", (SELECT count(*) FROM upd)::int AS updated`;
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
