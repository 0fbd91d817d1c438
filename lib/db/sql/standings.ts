// Vendors' standings for an order, in SQL and decoded (issue 19: one place for the statements routing, the escalation
// queue and the pool-health page read them with). A standing is what the routing rule needs of a UMKM for one order —
// value awarded and pending in the order's fiscal year (city-wide; "awarded" = accepted or failed offers, as
// AWARDED_OFFER_STATUSES in lib/domain/routing.ts), the day's portions booked, categories, sanctions, its earlier
// answer to this order — from `mm_pool_standings` (one order), `mm_batch_standings` (a batch's pools, one row per
// order × vendor pair) and `mm_reserve_standings` (the decree's other UMKM, with their weights). Rows are checked
// against `standingRow`, so a column renamed in a migration fails the tests that route.
import { Prisma } from "@/lib/generated/prisma/client";
import type { RawSql } from "@/lib/db/raw";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, instant, int, int8, row, text, uuid } from "@/lib/db/sql/columns";
import { z } from "zod";
import { EkatalogStatus, VendorStatus } from "@/lib/generated/prisma/enums";
import { dayAsDate, wibDay } from "@/lib/format";
import { PRIOR_OUTCOMES } from "@/lib/domain/routing";

export const standingRow = row({
  id: uuid,
  code: text,
  name: text,
  status: z.enum(VendorStatus),
  ekatalogStatus: z.enum(EkatalogStatus),
  dailyCapacityPax: int,
  categories: z.array(text),
  unavailable: bool,
  suspended: bool,
  booked: int8,
  awarded: int8,
  pending: int8,
  awardedOrders: int8,
  lastAwardAt: instant.nullable(),
  prior: z.enum(PRIOR_OUTCOMES).nullable(),
});
export type StandingRow = z.output<typeof standingRow>;

const batchRow = standingRow.extend({ i: int });
const reserveRow = standingRow.extend({ i: int, weight: int });
export type BatchStandingRow = z.output<typeof batchRow>;
export type ReserveStandingRow = z.output<typeof reserveRow>;

/** The first day of the delivery's fiscal year and of the next: the span a vendor's standing counts. */
export function fiscalYearDays(deliveryAt: Date): { fyStart: Date; fyEnd: Date } {
  const year = Number(wibDay(deliveryAt).slice(0, 4));
  return { fyStart: dayAsDate(`${year}-01-01`), fyEnd: dayAsDate(`${year + 1}-01-01`) };
}

/**
 * Every given vendor's standing for an order, in one round trip, without locks (`mm_pool_standings`): for reading
 * (the admins' escalation queue, pool health) or under locks the caller took.
 */
export function readStandings(
  tx: RawSql,
  vendorIds: string[],
  order: { id: string; deliveryAt: Date; deliveryDay: Date },
  now: Date,
): Promise<StandingRow[]> {
  const { fyStart, fyEnd } = fiscalYearDays(order.deliveryAt);
  return queryRows(
    tx,
    "mm_pool_standings",
    standingRow,
    Prisma.sql`SELECT * FROM "mm_pool_standings"(${vendorIds}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date,
      ${fyStart}::date, ${fyEnd}::date, ${now}::timestamptz)`,
  );
}

/** One order of a batch as the batch standings read it (`i`: its index in the batch). */
export interface StandingsOrder {
  id: string;
  deliveryAt: Date;
  deliveryDay: Date;
  now: Date;
}

/**
 * Each order's pool standings in one statement (`mm_batch_standings`: one row per (order, vendor) pair sent as
 * parallel arrays, so the statement's text is the same for any batch and each vendor's fiscal-year totals are computed
 * once for the batch).
 */
export function readBatchStandings(
  tx: RawSql,
  orders: { i: number; vendorIds: string[]; order: StandingsOrder }[],
): Promise<BatchStandingRow[]> {
  const pairs = orders.flatMap(({ i, vendorIds, order }) => {
    const span = fiscalYearDays(order.deliveryAt);
    return vendorIds.map((vendorId) => ({ i, vendorId, order, span }));
  });
  const spans = pairs.map((p) => p.span);
  return queryRows(
    tx,
    "mm_batch_standings",
    batchRow,
    Prisma.sql`SELECT * FROM "mm_batch_standings"(${pairs.map((p) => p.i)}::int[], ${pairs.map((p) => p.vendorId)}::uuid[],
        ${pairs.map((p) => p.order.id)}::uuid[], ${pairs.map((p) => p.order.deliveryDay)}::date[],
        ${spans.map((s) => s.fyStart)}::date[], ${spans.map((s) => s.fyEnd)}::date[], ${pairs.map((p) => p.order.now)}::timestamptz[])`,
  );
}

/** Each order's reserve — every UMKM of its decree outside its pool, with its weight — in one statement. */
export function readReserveStandings(
  tx: RawSql,
  orders: { i: number; decreeId: string | null; poolIds: string[]; order: StandingsOrder }[],
): Promise<ReserveStandingRow[]> {
  const rows = Prisma.join(
    orders.map(({ i, decreeId, poolIds, order }) => {
      const { fyStart, fyEnd } = fiscalYearDays(order.deliveryAt);
      return Prisma.sql`(${i}::int, ${decreeId}::uuid, ${poolIds}::uuid[], ${order.id}::uuid, ${order.deliveryDay}::date, ${fyStart}::date, ${fyEnd}::date, ${order.now}::timestamptz)`;
    }),
  );
  return queryRows(
    tx,
    "mm_reserve_standings",
    reserveRow,
    Prisma.sql`SELECT o.i, s.* FROM (VALUES ${rows}) AS o(i, decree, pool, id, day, fy_start, fy_end, at)
      CROSS JOIN LATERAL "mm_reserve_standings"(o.decree, o.pool, o.id, o.day, o.fy_start, o.fy_end, o.at) s`,
  );
}
