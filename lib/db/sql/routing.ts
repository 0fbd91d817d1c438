// Routing's payloads as SQL and their decoders (issue 19: the fragments every routing statement embeds, in one place,
// decoded at the boundary): an order's routing facts and its routing context (the decree in force on its delivery
// day, its OPD's pool under it, its next round, the settings) as JSON values, so a statement that locks orders brings
// them in the same round trip. Each payload is checked by a zod schema of the keys the SQL builds, so a key renamed on
// one side fails the tests that run the statements (tests/integration/sql-module.test.ts).
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { decreeInForceSql } from "@/lib/db/sql/decree";
import { resolveSettings, SETTINGS_KEY } from "@/lib/domain/settings";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { OrderStatus, ProcurementMethod } from "@/lib/generated/prisma/enums";

/** The order's routing facts as one JSON value, in SQL (`o`: the alias of its "Order" row); see decodeRoutableOrder. */
export function routableOrderJsonSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`json_build_object('id', ${o}.id, 'number', ${o}.number, 'opdId', ${o}."opdId", 'status', ${o}.status,
    'deliveryAt', ${o}."deliveryAt", 'deliveryDay', ${o}."deliveryDay", 'category', ${o}.category, 'pax', ${o}.pax,
    'total', ${o}.total::text, 'method', ${o}.method, 'eventName', ${o}."eventName")`;
}

/** routableOrderJsonSql's value as it arrives (dates as text, the total as a decimal string), decoded. */
export const routableOrderJson = z
  .object({
    id: z.string(),
    number: z.string(),
    opdId: z.string(),
    status: z.enum(OrderStatus),
    deliveryAt: z.string(),
    deliveryDay: z.string(),
    category: z.enum(MENU_CATEGORIES),
    pax: z.number().int(),
    total: z.string().regex(/^-?\d+$/),
    method: z.enum(ProcurementMethod),
    eventName: z.string(),
  })
  .transform((o) => ({
    ...o,
    deliveryAt: new Date(o.deliveryAt),
    deliveryDay: new Date(`${o.deliveryDay.slice(0, 10)}T00:00:00.000Z`),
    total: BigInt(o.total),
  }));

/** An order as routing reads it. */
export type RoutableOrder = z.output<typeof routableOrderJson>;
export type RoutableOrderJson = z.input<typeof routableOrderJson>;

export function decodeRoutableOrder(o: unknown): RoutableOrder {
  return routableOrderJson.parse(o);
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

export const poolJson = z.array(z.object({ vendorId: z.string(), weight: z.number().int() }));

/**
 * An order's routing context as one JSON value, in SQL (`id`, `opd`, `day`: the order's id, OPD and delivery day as
 * SQL expressions), so a statement that locks orders can bring their contexts in the same round trip; see
 * decodeRoutingContext.
 */
export function routingContextSql(id: Prisma.Sql, opd: Prisma.Sql, day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('decreeId', d.id,
      'round', (SELECT COALESCE(max(r.round), 0) + 1 FROM "RoutingDecision" r WHERE r."orderId" = ${id}),
      'pool', ${poolJsonSql(Prisma.sql`d.id`, opd)},
      'settings', (SELECT s.value FROM "Setting" s WHERE s.key = ${SETTINGS_KEY}))
    FROM (SELECT 1) AS one LEFT JOIN LATERAL (${decreeInForceSql(day)}) d ON true)`;
}

export const routingContextJson = z
  .object({
    decreeId: z.string().nullable(),
    round: z.number().int().min(1),
    pool: poolJson,
    settings: z.unknown(),
  })
  .transform((c) => ({ ...c, settings: resolveSettings(c.settings) }));

/**
 * What routing needs to know of an order that exists already: the decree in force on its delivery day, its OPD's
 * pool under it, its next round, and the settings.
 */
export type RoutingContext = z.output<typeof routingContextJson>;
export type RoutingContextJson = z.input<typeof routingContextJson>;

export function decodeRoutingContext(c: unknown): RoutingContext {
  return routingContextJson.parse(c);
}
