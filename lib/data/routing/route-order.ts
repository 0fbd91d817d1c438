// Routing (docs/ARCHITECTURE.md §3) inside the caller's transaction, which already holds the orders' rows: one path for every
// order — new ones (submissions arriving together) and those routed again (declines, expiries, failures, withdrawn
// offers): routeBatchInTx. It locks the pools' vendor rows (sorted, in one statement), reads their standings in one
// statement and applies the pure rule (lib/domain/routing.ts planRoute) to the orders one after another, each seeing
// the offers chosen before it. Only when a pool is exhausted and the city-wide reserve is on does it need the whole
// decree: it then rolls back to a savepoint taken before the pools' locks (which releases them) and locks the pools
// and every UMKM of the decree again in one sorted statement — so a routing never waits for a lock while holding one
// it took, and the everyday case locks only its pools. It then reads the reserve's standings and either offers each
// order to the first candidate or escalates it — recording the ranked candidates and each exclusion's reason, with
// the audit rows, in one statement.
import { randomUUID } from "node:crypto";
import type { RawSql } from "@/lib/db/raw";
import { linkEnv } from "@/lib/env";
import { offerLinkFor } from "@/lib/data/offers/offer-link-secret";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/data/audit";
import { auditRowsSql, type AuditRow } from "@/lib/db/sql/audit";
import {
  routingContextJson,
  routingContextSql,
  type AllocationRow,
  type RoutableOrder,
  type RoutingContext,
} from "@/lib/db/sql/routing";
import {
  readBatchStandings,
  readReserveStandings,
  type BatchStandingRow,
  type ReserveStandingRow,
  type StandingRow,
} from "@/lib/db/sql/standings";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, int, row, uuid } from "@/lib/db/sql/columns";
import { z } from "zod";
import { notice, notifyManySql, whatsappNudgesSql, type Notice, type Nudge } from "@/lib/data/notifications/notify";
import { offerNudgeMessage } from "@/lib/domain/whatsapp";
import {
  decisionCandidates,
  NEEDS_RESERVE,
  planRoute,
  type EscalationReason,
  type PoolVendor,
  type RoutePlan,
  type RouteScope,
} from "@/lib/domain/routing";
import { canTransition } from "@/lib/domain/order-state";
import type { RoutingSettings } from "@/lib/domain/settings";
import { fiscalYearOf, wibDay } from "@/lib/format";
import type { MenuCategory } from "@/lib/generated/prisma/enums";

// The routing payloads' SQL and decoders live in lib/db/sql/routing.ts; their types are re-exported for the use cases.
export type { AllocationRow, RoutableOrder, RoutingContext } from "@/lib/db/sql/routing";

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
    awardedValue: r.awarded,
    pendingValue: r.pending,
    awardedOrders: Number(r.awardedOrders),
    lastAwardAt: r.lastAwardAt,
    priorOutcome: r.prior,
  };
}

/** Plain words for an escalation's cause, for the admins' notification (codes never reach a person). */
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
        note: notice(
          "order.escalated",
          "orderEscalated",
          { number: order.number, eventName: order.eventName, reason: { label: `notices.escalation.${plan.reason}` } },
          "/admin",
        ),
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
      note: notice(
        "offer.new",
        plan.scope === "RESERVE" ? "offerNewReserve" : "offerNew",
        {
          number: order.number,
          pax: order.pax,
          eventName: order.eventName,
          expiresAt: { at: expiresAt.toISOString() },
        },
        link,
      ),
    });
    nudges.push({
      opdId: order.opdId,
      vendorId: chosen.vendorId,
      at: now,
      note: notice("offer.whatsapp", "offerWhatsapp", {
        vendor: chosen.name,
        number: order.number,
        expiresAt: { at: expiresAt.toISOString() },
      }),
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
 * it releases those locks (and the budget reservations taken with them), so the wider set is locked from nothing, in
 * one sorted statement (PostgreSQL releases row locks taken after a savepoint when rolling back to it).
 */
export const ROUTING_SAVEPOINT = "mm_routing_locks";

/** One order to route, with what routing it needs to know. */
export interface RouteItem {
  order: RoutableOrder;
  /** The decree in force on the delivery day, and the OPD's pool under it (each UMKM with its decree-wide weight). */
  decreeId: string | null;
  pool: AllocationRow[];
  settings: RoutingSettings;
  round: number;
  now: Date;
  actor: Actor;
  /** Vendor rows to lock besides the pool: the vendor whose offer was just declined or expired (its standing changed). */
  alsoLock?: string[];
  /** A new order's budget reservation, taken under the same locks; refused: the order is not routed. */
  reserve?: { budgetId: string; amount: bigint };
  /** Audit rows written with the decision (a submission's own "order.submitted"). */
  alsoAudit?: AuditRow[];
}

export type BatchRouted = { route: RouteOutcome } | { overBudget: true };

/**
 * Each order's standings, in one statement: of its pool's vendors (readBatchStandings) or of the reserve — every UMKM
 * of its decree outside its pool, with its weight (readReserveStandings); `i` is the order's index in `items`.
 */
function poolStandingsOf(tx: RawSql, items: RouteItem[]): Promise<BatchStandingRow[]> {
  if (!items.some((s) => s.pool.length > 0)) return Promise.resolve([]);
  return readBatchStandings(
    tx,
    items.map((s, i) => ({ i, vendorIds: s.pool.map((a) => a.vendorId), order: standingsOrder(s) })),
  );
}

function reserveStandingsOf(tx: RawSql, items: RouteItem[]): Promise<ReserveStandingRow[]> {
  if (items.length === 0) return Promise.resolve([]);
  return readReserveStandings(
    tx,
    items.map((s, i) => ({
      i,
      decreeId: s.decreeId,
      poolIds: s.pool.map((a) => a.vendorId),
      order: standingsOrder(s),
    })),
  );
}

const standingsOrder = (s: RouteItem) => ({
  id: s.order.id,
  deliveryAt: s.order.deliveryAt,
  deliveryDay: s.order.deliveryDay,
  now: s.now,
});

/**
 * The routing rule applied to a batch in order, as if the orders had come one by one: each order's standings count the
 * value and the day's portions of the offers chosen for the orders before it.
 */
function planInTurn(
  items: RouteItem[],
  poolStandings: BatchStandingRow[],
  reserveStandings: Map<number, ReserveStandingRow[]>,
): (RoutePlan | typeof NEEDS_RESERVE)[] {
  const chosen: { vendorId: string; fiscalYear: number; day: string; value: bigint; pax: number }[] = [];
  return items.map((s, i) => {
    const day = wibDay(s.order.deliveryAt);
    const fiscalYear = fiscalYearOf(s.order.deliveryAt);
    const standing = (r: StandingRow, weight: number) => {
      let pending = r.pending;
      let booked = r.booked;
      for (const c of chosen) {
        if (c.vendorId !== r.id) continue;
        if (c.fiscalYear === fiscalYear) pending += c.value;
        if (c.day === day) booked += BigInt(c.pax);
      }
      return toPoolVendor({ ...r, pending, booked }, weight);
    };
    const weights = new Map(s.pool.map((a) => [a.vendorId, a.weight]));
    const pool = poolStandings.filter((r) => r.i === i).map((r) => standing(r, weights.get(r.id) ?? 1));
    const reserve = reserveStandings.get(i)?.map((r) => standing(r, r.weight));
    const plan = planRoute(orderToRoute(s.order), s.decreeId, pool, reserve, s.now, s.settings);
    if (plan.kind === "OFFER")
      chosen.push({ vendorId: plan.chosen.vendorId, fiscalYear, day, value: s.order.total, pax: s.order.pax });
    return plan;
  });
}

const writeDecisionsRow = row({ i: int, offerId: uuid.nullable(), updated: int });

const mmLockAndReserveRow = row({ reserved: z.array(bool) });

/**
 * Routes a batch of orders in the caller's transaction, which already holds their rows (new ones: inserted; the
 * others: locked). Every vendor of their pools (and `alsoLock`) is locked in id order and each new order's budget
 * reserved, in one statement (`mm_lock_and_reserve`); then every pool's standings are read once and the rule applied
 * to the orders one after another, each seeing the offers chosen before it (planInTurn) — from its pool, or from the
 * city-wide reserve once its pool is exhausted. The whole decree is locked only when some order needs the reserve:
 * after rolling back to a savepoint taken before the first lock, which releases those locks and reservations, so every
 * lock is taken from nothing, in one statement. Every decision is then written in one statement (writeDecisionsSql).
 */
export async function routeBatchInTx(tx: RawSql, items: RouteItem[]): Promise<BatchRouted[]> {
  for (const s of items)
    if (!canTransition(s.order.status, "OFFERED") || !canTransition(s.order.status, "ESCALATED"))
      throw new Error(`order ${s.order.number} cannot be routed from ${s.order.status}`);
  if (items.length === 0) return [];
  const vendorIds = [...new Set(items.flatMap((s) => [...s.pool.map((a) => a.vendorId), ...(s.alsoLock ?? [])]))];
  const reserveDecrees = [...new Set(items.flatMap((s) => (s.decreeId && s.settings.cityReserve ? [s.decreeId] : [])))];
  const budgeted = items.filter((s) => s.reserve);
  if (reserveDecrees.length > 0) await tx.$executeRawUnsafe(`SAVEPOINT ${ROUTING_SAVEPOINT}`);
  const lockAndRead = async (decreeIds: string[]) => {
    const [lock] = await queryRows(
      tx,
      "mm_lock_and_reserve",
      mmLockAndReserveRow,
      Prisma.sql`SELECT "mm_lock_and_reserve"(${vendorIds}::uuid[], ${budgeted.map((s) => s.reserve!.budgetId)}::uuid[], ${budgeted.map((s) => s.reserve!.amount)}::bigint[], ${decreeIds}::uuid[]) AS reserved`,
    );
    const refused = new Set(budgeted.filter((_, k) => !lock!.reserved[k]));
    const routed = items.filter((s) => !refused.has(s));
    return { routed, poolStandings: await poolStandingsOf(tx, routed) };
  };
  let { routed, poolStandings } = await lockAndRead([]);
  const reserveStandings = new Map<number, ReserveStandingRow[]>();

  // An order may come to need the reserve because an earlier one took the last of its pool's capacity, so plan again
  // until every order that needs the reserve has it (read at most once per order).
  let plans: RoutePlan[];
  let decreesLocked = false;
  for (;;) {
    const planned = planInTurn(routed, poolStandings, reserveStandings);
    const missing = planned.flatMap((p, i) => (p.kind === "NEEDS_RESERVE" ? [i] : []));
    if (missing.length === 0) {
      plans = planned.filter((p): p is RoutePlan => p.kind !== "NEEDS_RESERVE");
      break;
    }
    if (!decreesLocked) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${ROUTING_SAVEPOINT}`);
      ({ routed, poolStandings } = await lockAndRead(reserveDecrees));
      decreesLocked = true;
      continue;
    }
    const rows = await reserveStandingsOf(
      tx,
      missing.map((i) => routed[i]!),
    );
    missing.forEach((i, k) =>
      reserveStandings.set(
        i,
        rows.filter((r) => r.i === k),
      ),
    );
  }

  // Every decision, offer, state change (compare-and-set), audit row and notification: one statement.
  const written =
    routed.length === 0
      ? []
      : await queryRows(
          tx,
          "writeDecisions",
          writeDecisionsRow,
          writeDecisionsSql(
            routed.map((s, i) => ({
              order: s.order,
              plan: plans[i]!,
              decreeId: s.decreeId,
              round: s.round,
              now: s.now,
              actor: s.actor,
              alsoAudit: s.alsoAudit,
            })),
          ),
        );
  const byIndex = new Map(written.map((w) => [w.i, w]));
  return items.map((s): BatchRouted => {
    const i = routed.indexOf(s);
    if (i < 0) return { overBudget: true };
    const w = byIndex.get(i);
    if (!w || w.updated !== 1) throw new Error(`order ${s.order.number} changed state during routing`);
    return { route: routeOutcome(plans[i]!, s.round, w.offerId) };
  });
}

const readRoutingContextsRow = row({ i: int, context: routingContextJson });

/** The routing contexts of orders that exist already, in one statement (see routingContextSql). */
export async function readRoutingContexts(tx: RawSql, orders: RoutableOrder[]): Promise<RoutingContext[]> {
  if (orders.length === 0) return [];
  const rows = await queryRows(
    tx,
    "readRoutingContexts",
    readRoutingContextsRow,
    Prisma.sql`
    SELECT k.i, ${routingContextSql(Prisma.sql`k.id`, Prisma.sql`k.opd`, Prisma.sql`k.day`)} AS context
    FROM (VALUES ${Prisma.join(orders.map((o, i) => Prisma.sql`(${i}::int, ${o.id}::uuid, ${o.opdId}::uuid, ${o.deliveryDay}::date)`))}) AS k(i, id, opd, day)
    ORDER BY k.i`,
  );
  return rows.map((r) => r.context);
}

/**
 * Routes orders that exist already — declined, expired, failed, withdrawn — in the caller's transaction, which holds
 * their rows locked, together (routeBatchInTx). Their contexts are read in one statement unless given (a statement
 * that locked them may have brought them: routingContextSql); `settings` when the caller has them already.
 */
export async function rerouteOrdersInTx(
  tx: RawSql,
  orders: { order: RoutableOrder; context?: RoutingContext; alsoLock?: string[]; actor?: Actor; now?: Date }[],
  ctx: { now: Date; actor: Actor; settings?: RoutingSettings },
): Promise<RouteOutcome[]> {
  const missing = orders.filter((o) => !o.context);
  const read = await readRoutingContexts(
    tx,
    missing.map((o) => o.order),
  );
  const contextOf = new Map(missing.map((o, k) => [o, read[k]!]));
  const routed = await routeBatchInTx(
    tx,
    orders.map((o) => {
      const context = o.context ?? contextOf.get(o)!;
      return {
        ...context,
        settings: ctx.settings ?? context.settings,
        order: o.order,
        now: o.now ?? ctx.now,
        actor: o.actor ?? ctx.actor,
        alsoLock: o.alsoLock,
      };
    }),
  );
  return routed.map((r) => {
    if (!("route" in r)) throw new Error("a re-route reserved a budget");
    return r.route;
  });
}

/** One order that exists already, routed again (see rerouteOrdersInTx). */
export async function routeOrderInTx(
  tx: RawSql,
  order: RoutableOrder,
  ctx: { now: Date; settings?: RoutingSettings; actor: Actor; alsoLock?: string[] },
): Promise<RouteOutcome> {
  const [route] = await rerouteOrdersInTx(tx, [{ order, alsoLock: ctx.alsoLock }], ctx);
  return route!;
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
