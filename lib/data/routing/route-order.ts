// routeOrder (DESIGN.md §3) inside the caller's transaction, which already holds the order's row lock.
// Locks the pool's vendor rows (sorted), reads every vendor's standing in one statement, ranks with the
// pure rule, and either offers the order to the first candidate or escalates it — recording the ranked
// candidates and each exclusion's reason, with its audit row, in the same transaction.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/data/audit";
import { auditInsertSql } from "@/lib/data/audit-sql";
import { decreeInForceSql } from "@/lib/data/decree/find-decree-in-force";
import { lockVendors } from "@/lib/data/tx";
import { budgetExceeded } from "@/lib/data/orders/budget";
import { notifySql, whatsappNudgeSql } from "@/lib/data/notifications/notify";
import { offerNudgeMessage } from "@/lib/domain/whatsapp";
import { offerDeadline, rankPool, type PoolVendor } from "@/lib/domain/routing";
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
      round: number;
    }
  | { kind: "ESCALATED"; reason: "NO_DECREE" | "EMPTY_POOL" | "NO_ELIGIBLE_VENDOR" | "TOO_LATE"; round: number };

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
  lock: { alsoLock: string[] } | null,
): Promise<StandingRow[]> {
  const year = Number(wibDay(order.deliveryAt).slice(0, 4));
  const fyStart = dayAsDate(`${year}-01-01`);
  const fyEnd = dayAsDate(`${year + 1}-01-01`);
  return lock
    ? tx.$queryRaw<StandingRow[]>`
    SELECT * FROM "mm_lock_pool_standings"(${vendorIds}::uuid[], ${lock.alsoLock}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date,
      ${fyStart}::date, ${fyEnd}::date, ${now}::timestamptz)`
    : tx.$queryRaw<StandingRow[]>`
    SELECT * FROM "mm_pool_standings"(${vendorIds}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date,
      ${fyStart}::date, ${fyEnd}::date, ${now}::timestamptz)`;
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

export interface Reservation {
  budgetId: string;
  total: bigint;
}

/** The budget reservation as a CTE step, so a new order reserves in the same statement that routes it. */
function reservationSql(reserve: Reservation | undefined): { cte: Prisma.Sql; count: Prisma.Sql } {
  if (!reserve) return { cte: Prisma.empty, count: Prisma.sql`1` };
  return {
    cte: Prisma.sql`, bud AS (
      UPDATE "Budget" SET committed = committed + ${reserve.total}, version = version + 1, "updatedAt" = now()
      WHERE id = ${reserve.budgetId}::uuid AND committed + ${reserve.total} <= pagu RETURNING id)`,
    count: Prisma.sql`(SELECT count(*) FROM bud)::int`,
  };
}

/** The decree in force on the delivery day, this OPD's pool under it, and the next round — one round trip. */
async function readPool(tx: Tx, order: RoutableOrder) {
  const [row] = await tx.$queryRaw<
    { decreeId: string | null; round: number; pool: { vendorId: string; weight: number }[] }[]
  >`
    WITH d AS (${decreeInForceSql(order.deliveryDay)})
    SELECT (SELECT id FROM d) AS "decreeId",
      (SELECT COALESCE(max(r.round), 0) + 1 FROM "RoutingDecision" r WHERE r."orderId" = ${order.id}::uuid)::int AS round,
      COALESCE((SELECT json_agg(json_build_object('vendorId', a."vendorId", 'weight', a.weight))
                FROM "Allocation" a WHERE a."decreeId" = (SELECT id FROM d) AND a."opdId" = ${order.opdId}::uuid), '[]'::json) AS pool`;
  return row!;
}

async function escalate(
  tx: Tx,
  order: RoutableOrder,
  now: Date,
  actor: Actor,
  round: number,
  reason: Extract<RouteOutcome, { kind: "ESCALATED" }>["reason"],
  ranked: { candidates: unknown[]; exclusions: unknown[] },
  reserve?: Reservation,
): Promise<RouteOutcome> {
  const bud = reservationSql(reserve);
  const note = {
    kind: "order.escalated",
    title: `Pesanan ${order.number} perlu penugasan`,
    body: `${order.eventName}: tidak ada UMKM yang memenuhi syarat (${reason}).`,
    link: "/admin",
  };
  // Decision, state change (compare-and-set), audit row and notifications in one statement.
  const [r] = await tx.$queryRaw<{ updated: number; reserved: number }[]>`
    WITH dec AS (
      INSERT INTO "RoutingDecision" (id, "orderId", round, "decidedAt", candidates, exclusions, outcome)
      VALUES (gen_random_uuid(), ${order.id}::uuid, ${round}, ${now}, ${JSON.stringify(ranked.candidates)}::jsonb, ${JSON.stringify(ranked.exclusions)}::jsonb, ${`ESCALATED:${reason}`})),
    upd AS (
      UPDATE "Order" SET status = 'ESCALATED', "escalatedAt" = ${now}, "vendorId" = NULL, "awardedAt" = NULL, version = version + 1, "updatedAt" = now()
      WHERE id = ${order.id}::uuid AND status = ${order.status}::"OrderStatus" RETURNING id),
    aud AS (${auditInsertSql(actor, { action: "order.escalated", entity: "Order", entityId: order.id, before: { status: order.status }, after: { status: "ESCALATED", reason, round } })}),
    ntf AS (${notifySql({ role: "ADMIN" }, note, now)})${bud.cte}
    SELECT (SELECT count(*) FROM upd)::int AS updated, ${bud.count} AS reserved`;
  if (r!.reserved !== 1) throw await budgetExceeded(tx, reserve!.budgetId, reserve!.total);
  if (r!.updated !== 1) throw new Error(`order ${order.number} changed state during routing`);
  return { kind: "ESCALATED", reason, round };
}

export async function routeOrderInTx(
  tx: Tx,
  order: RoutableOrder,
  ctx: { now: Date; settings: RoutingSettings; actor: Actor; alsoLock?: string[]; reserve?: Reservation },
): Promise<RouteOutcome> {
  const { now, settings, actor, reserve } = ctx;
  if (!canTransition(order.status, "OFFERED") || !canTransition(order.status, "ESCALATED")) {
    throw new Error(`order ${order.number} cannot be routed from ${order.status}`);
  }
  const { decreeId, round, pool: allocations } = await readPool(tx, order);
  if (!decreeId || allocations.length === 0) {
    await lockVendors(tx, ctx.alsoLock ?? []);
    return escalate(
      tx,
      order,
      now,
      actor,
      round,
      decreeId ? "EMPTY_POOL" : "NO_DECREE",
      { candidates: [], exclusions: [] },
      reserve,
    );
  }
  const weights = new Map(allocations.map((a) => [a.vendorId, a.weight]));
  const rows = await readStandings(tx, [...weights.keys()], order, now, { alsoLock: ctx.alsoLock ?? [] });
  const pool = rows.map((r) => toPoolVendor(r, weights.get(r.id) ?? 1));
  const ranked = rankPool(
    { orderId: order.id, category: order.category, pax: order.pax, method: order.method },
    pool,
    settings.ePurchasingRequiresTayang,
  );
  const chosen = ranked.candidates[0];
  if (!chosen) return escalate(tx, order, now, actor, round, "NO_ELIGIBLE_VENDOR", ranked, reserve);
  const expiresAt = offerDeadline(now, order.deliveryAt, settings.responseWindowMinutes, settings.minLeadMinutes);
  if (!expiresAt) return escalate(tx, order, now, actor, round, "TOO_LATE", ranked, reserve);

  const note = {
    kind: "offer.new",
    title: `Tawaran baru ${order.number}`,
    body: `${order.pax} porsi, ${order.eventName}. Jawab sebelum ${formatDateTimeWIB(expiresAt)}.`,
    link: "/vendor",
  };
  const waMessage = offerNudgeMessage({
    vendorName: chosen.name,
    orderNumber: order.number,
    pax: order.pax,
    eventName: order.eventName,
    deliveryAt: order.deliveryAt,
    expiresAt,
  });
  const nudge = {
    kind: "offer.whatsapp",
    title: `Ingatkan ${chosen.name} lewat WhatsApp`,
    body: `Pesanan ${order.number} ditawarkan; batas jawab ${formatDateTimeWIB(expiresAt)}.`,
  };
  // Decision, offer, state change (compare-and-set), audit row and the notifications: one statement.
  const bud = reservationSql(reserve);
  const [r] = await tx.$queryRaw<{ offerId: string; updated: number; reserved: number }[]>`
    WITH dec AS (
      INSERT INTO "RoutingDecision" (id, "orderId", round, "decidedAt", "chosenVendorId", candidates, exclusions, outcome)
      VALUES (gen_random_uuid(), ${order.id}::uuid, ${round}, ${now}, ${chosen.vendorId}::uuid, ${JSON.stringify(ranked.candidates)}::jsonb, ${JSON.stringify(ranked.exclusions)}::jsonb, 'OFFERED')
      RETURNING id),
    off AS (
      INSERT INTO "Offer" (id, "orderId", "vendorId", "decisionId", round, status, value, pax, "deliveryDay", "offeredAt", "expiresAt")
      SELECT gen_random_uuid(), ${order.id}::uuid, ${chosen.vendorId}::uuid, dec.id, ${round}, 'PENDING', ${order.total}, ${order.pax}, ${order.deliveryDay}::date, ${now}, ${expiresAt} FROM dec
      RETURNING id),
    upd AS (
      UPDATE "Order" SET status = 'OFFERED', "decreeId" = ${decreeId}::uuid, "vendorId" = NULL, "awardedAt" = NULL, version = version + 1, "updatedAt" = now()
      WHERE id = ${order.id}::uuid AND status = ${order.status}::"OrderStatus" RETURNING id),
    aud AS (${auditInsertSql(actor, {
      action: "order.offered",
      entity: "Order",
      entityId: order.id,
      before: { status: order.status },
      after: { status: "OFFERED", round, vendor: chosen.code, expiresAt },
    })}),
    ntf AS (${notifySql({ vendorId: chosen.vendorId }, note, now)}),
    wa AS (${whatsappNudgeSql(order.opdId, chosen.vendorId, nudge, waMessage, now)})${bud.cte}
    SELECT (SELECT id FROM off) AS "offerId", (SELECT count(*) FROM upd)::int AS updated, ${bud.count} AS reserved`;
  if (r!.reserved !== 1) throw await budgetExceeded(tx, reserve!.budgetId, reserve!.total);
  if (r!.updated !== 1) throw new Error(`order ${order.number} changed state during routing`);
  return {
    kind: "OFFERED",
    offerId: r!.offerId,
    vendorId: chosen.vendorId,
    vendorCode: chosen.code,
    vendorName: chosen.name,
    expiresAt,
    round,
  };
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
