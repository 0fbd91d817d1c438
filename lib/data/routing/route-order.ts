// routeOrder (DESIGN.md §3) inside the caller's transaction, which already holds the order's row lock.
// Locks the pool's vendor rows (sorted), reads every vendor's standing in one statement, ranks with the
// pure rule, and either offers the order to the first candidate or escalates it — recording the ranked
// candidates and each exclusion's reason, with its audit row, in the same transaction.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { auditInsertSql } from "@/lib/data/audit-sql";
import { decreeInForceSql } from "@/lib/data/decree/find-decree-in-force";
import { lockVendors } from "@/lib/data/tx";
import { notifySql } from "@/lib/data/notifications/notify";
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

interface StandingRow {
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

/** Every pool vendor's standing now: value awarded and pending this fiscal year (city-wide), the day's load, and more. */
async function readStandings(tx: Tx, vendorIds: string[], order: RoutableOrder, now: Date): Promise<StandingRow[]> {
  const day = order.deliveryDay;
  const year = Number(wibDay(order.deliveryAt).slice(0, 4));
  const fyStart = dayAsDate(`${year}-01-01`);
  const fyEnd = dayAsDate(`${year + 1}-01-01`);
  return tx.$queryRaw<StandingRow[]>`
    SELECT v.id, v.code, v.name, v.status::text AS status, v."ekatalogStatus"::text AS "ekatalogStatus", v."dailyCapacityPax",
      ARRAY(SELECT DISTINCT m.category::text FROM "VendorMenuItem" m WHERE m."vendorId" = v.id AND m.active) AS categories,
      EXISTS (SELECT 1 FROM "VendorUnavailableDay" u WHERE u."vendorId" = v.id AND u.day = ${day}::date) AS unavailable,
      EXISTS (SELECT 1 FROM "Sanction" s WHERE s."vendorId" = v.id AND s.status = 'CONFIRMED' AND s.level IN ('SP2', 'SP3')
              AND (s."startsAt" IS NULL OR s."startsAt" <= ${now}) AND (s."endsAt" IS NULL OR s."endsAt" > ${now})) AS suspended,
      COALESCE((SELECT sum(o.pax) FROM "Offer" o WHERE o."vendorId" = v.id AND o."deliveryDay" = ${day}::date
                AND o.status IN ('PENDING', 'ACCEPTED')), 0)::bigint AS booked,
      COALESCE(y.awarded, 0)::bigint AS awarded,
      COALESCE(y.pending, 0)::bigint AS pending,
      COALESCE(y.awarded_orders, 0)::bigint AS "awardedOrders",
      y.last_award_at AS "lastAwardAt",
      (SELECT o.status::text FROM "Offer" o WHERE o."orderId" = ${order.id}::uuid AND o."vendorId" = v.id
         AND o.status IN ('DECLINED', 'EXPIRED', 'FAILED') ORDER BY o.round DESC LIMIT 1) AS prior
    FROM "Vendor" v
    LEFT JOIN LATERAL (
      SELECT sum(o.value) FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS awarded,
             sum(o.value) FILTER (WHERE o.status = 'PENDING') AS pending,
             count(*) FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS awarded_orders,
             max(o."respondedAt") FILTER (WHERE o.status IN ('ACCEPTED', 'FAILED')) AS last_award_at
      FROM "Offer" o
      WHERE o."vendorId" = v.id AND o."deliveryDay" >= ${fyStart}::date AND o."deliveryDay" < ${fyEnd}::date
        AND o.status IN ('PENDING', 'ACCEPTED', 'FAILED')
    ) y ON true
    WHERE v.id = ANY(${vendorIds}::uuid[])`;
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
): Promise<RouteOutcome> {
  const note = {
    kind: "order.escalated",
    title: `Pesanan ${order.number} perlu penugasan`,
    body: `${order.eventName}: tidak ada UMKM yang memenuhi syarat (${reason}).`,
    link: "/admin",
  };
  // Decision, state change (compare-and-set), audit row and notifications in one statement.
  const [r] = await tx.$queryRaw<{ updated: number }[]>`
    WITH dec AS (
      INSERT INTO "RoutingDecision" (id, "orderId", round, "decidedAt", candidates, exclusions, outcome)
      VALUES (gen_random_uuid(), ${order.id}::uuid, ${round}, ${now}, ${JSON.stringify(ranked.candidates)}::jsonb, ${JSON.stringify(ranked.exclusions)}::jsonb, ${`ESCALATED:${reason}`})),
    upd AS (
      UPDATE "Order" SET status = 'ESCALATED', "escalatedAt" = ${now}, "vendorId" = NULL, "awardedAt" = NULL, version = version + 1, "updatedAt" = now()
      WHERE id = ${order.id}::uuid AND status = ${order.status}::"OrderStatus" RETURNING id),
    aud AS (${auditInsertSql(actor, { action: "order.escalated", entity: "Order", entityId: order.id, before: { status: order.status }, after: { status: "ESCALATED", reason, round } })}),
    ntf AS (${notifySql({ role: "ADMIN" }, note, now)})
    SELECT (SELECT count(*) FROM upd)::int AS updated`;
  if (r!.updated !== 1) throw new Error(`order ${order.number} changed state during routing`);
  return { kind: "ESCALATED", reason, round };
}

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
  await lockVendors(tx, [...allocations.map((a) => a.vendorId), ...(ctx.alsoLock ?? [])]);
  if (!decreeId) return escalate(tx, order, now, actor, round, "NO_DECREE", { candidates: [], exclusions: [] });
  if (allocations.length === 0)
    return escalate(tx, order, now, actor, round, "EMPTY_POOL", { candidates: [], exclusions: [] });

  const weights = new Map(allocations.map((a) => [a.vendorId, a.weight]));
  const rows = await readStandings(tx, [...weights.keys()], order, now);
  const pool: PoolVendor[] = rows.map((r) => ({
    vendorId: r.id,
    code: r.code,
    name: r.name,
    weight: weights.get(r.id) ?? 1,
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
  }));
  const ranked = rankPool(
    { orderId: order.id, category: order.category, pax: order.pax, method: order.method },
    pool,
    settings.ePurchasingRequiresTayang,
  );
  const chosen = ranked.candidates[0];
  if (!chosen) return escalate(tx, order, now, actor, round, "NO_ELIGIBLE_VENDOR", ranked);
  const expiresAt = offerDeadline(now, order.deliveryAt, settings.responseWindowMinutes, settings.minLeadMinutes);
  if (!expiresAt) return escalate(tx, order, now, actor, round, "TOO_LATE", ranked);

  const note = {
    kind: "offer.new",
    title: `Tawaran baru ${order.number}`,
    body: `${order.pax} porsi, ${order.eventName}. Jawab sebelum ${formatDateTimeWIB(expiresAt)}.`,
    link: "/vendor",
  };
  // Decision, offer, state change (compare-and-set), audit row and the vendor's notification: one statement.
  const [r] = await tx.$queryRaw<{ offerId: string; updated: number }[]>`
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
    ntf AS (${notifySql({ vendorId: chosen.vendorId }, note, now)})
    SELECT (SELECT id FROM off) AS "offerId", (SELECT count(*) FROM upd)::int AS updated`;
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
