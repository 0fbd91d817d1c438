// The vendor's home on its phone: its live offers, its next deliveries, what it was awarded this fiscal year, its
// sanction in force and its first steps — the vendor's own only, in one round trip.
import type { FirstStepsInput } from "@/lib/domain/first-steps";
import { requireOwnVendorId } from "@/lib/data/authorise";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf, fiscalYearRange } from "@/lib/format";
import { AWARDED_ORDER_STATES } from "@/lib/domain/order-state";
import { SanctionLevel, VendorStatus, type MenuCategory } from "@/lib/generated/prisma/enums";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { queryOne } from "@/lib/db/sql/decode";
import { bool, int, jsonInstant, jsonRupiah, row, text, uuid } from "@/lib/db/sql/columns";

export interface VendorHome {
  vendor: { code: string; name: string; status: VendorStatus };
  /** What the first steps (lib/domain/first-steps.ts) are read from. */
  firstSteps: FirstStepsInput;
  pendingOffers: {
    offerId: string;
    orderNumber: string;
    opdName: string;
    eventName: string;
    deliveryAt: Date;
    place: string;
    contactName: string;
    contactPhone: string;
    notes: string | null;
    pax: number;
    category: MenuCategory;
    value: number;
    expiresAt: Date;
  }[];
  upcoming: {
    orderNumber: string;
    opdName: string;
    eventName: string;
    deliveryAt: Date;
    place: string;
    pax: number;
    category: MenuCategory;
    total: number;
  }[];
  yearValue: number;
  yearOrders: number;
  activeSanction: { level: SanctionLevel; endsAt: Date | null; cause: string } | null;
}

const homeRow = row({
  vendor: row({ code: text, name: text, status: z.enum(VendorStatus) }).nullable(),
  firstSteps: row({
    passwordChanged: bool,
    activeMenuItems: int,
    whatsapp: text.nullable(),
    email: text.nullable(),
    daysOff: int,
  }).nullable(),
  offers: z.array(
    row({
      offerId: uuid,
      orderNumber: text,
      opdName: text,
      eventName: text,
      deliveryAt: jsonInstant,
      place: text,
      contactName: text,
      contactPhone: text,
      notes: text.nullable(),
      pax: int,
      category: z.enum(MENU_CATEGORIES),
      value: jsonRupiah,
      expiresAt: jsonInstant,
    }),
  ),
  upcoming: z.array(
    row({
      orderNumber: text,
      opdName: text,
      eventName: text,
      deliveryAt: jsonInstant,
      place: text,
      pax: int,
      category: z.enum(MENU_CATEGORIES),
      total: jsonRupiah,
    }),
  ),
  year: row({ value: jsonRupiah, orders: int }),
  sanction: row({ level: z.enum(SanctionLevel), endsAt: jsonInstant.nullable(), cause: text }).nullable(),
});

/**
 * Vendor home: always scoped by the caller's own vendorId. One round trip (the page refreshes itself every
 * 30 s on every open phone): the vendor, its live offers (soonest deadline first), its next accepted
 * deliveries, its awarded value this fiscal year and its sanction in force.
 */
export async function getVendorHome(
  tx: Tx,
  opts: { clock: Clock; actor: { role: Role | null; vendorId?: string | null } },
): Promise<VendorHome> {
  const vendorId = requireOwnVendorId(opts.actor);
  const { clock } = opts;
  const now = clock.now();
  const { start, end } = fiscalYearRange(fiscalYearOf(now));
  const since = new Date(now.getTime() - 6 * 3600_000);
  const home = await queryOne(
    tx,
    "getVendorHome",
    homeRow,
    Prisma.sql`
    SELECT
      (SELECT json_build_object('code', v.code, 'name', v.name, 'status', v.status)
         FROM "Vendor" v WHERE v.id = ${vendorId}::uuid) AS vendor,
      (SELECT json_build_object(
          'passwordChanged', EXISTS (SELECT 1 FROM "User" u WHERE u."vendorId" = v.id AND u."passwordChangedAt" IS NOT NULL),
          'activeMenuItems', (SELECT count(*)::int FROM "VendorMenuItem" m WHERE m."vendorId" = v.id AND m.active),
          'whatsapp', v.whatsapp,
          'email', COALESCE(v.email, (SELECT u.email FROM "User" u WHERE u."vendorId" = v.id AND u.email IS NOT NULL LIMIT 1)),
          'daysOff', (SELECT count(*)::int FROM "VendorUnavailableDay" d WHERE d."vendorId" = v.id))
         FROM "Vendor" v WHERE v.id = ${vendorId}::uuid) AS "firstSteps",
      COALESCE((SELECT json_agg(json_build_object(
                  'offerId', f.id, 'orderNumber', o.number, 'opdName', p.name, 'eventName', o."eventName",
                  'deliveryAt', o."deliveryAt", 'place', o.place, 'contactName', o."contactName",
                  'contactPhone', o."contactPhone", 'notes', o.notes, 'pax', o.pax, 'category', o.category,
                  'value', f.value::text, 'expiresAt', f."expiresAt") ORDER BY f."expiresAt", f.id)
                FROM "Offer" f JOIN "Order" o ON o.id = f."orderId" JOIN "Opd" p ON p.id = o."opdId"
                WHERE f."vendorId" = ${vendorId}::uuid AND f.status = 'PENDING' AND f."expiresAt" > ${now}), '[]'::json) AS offers,
      COALESCE((SELECT json_agg(json_build_object(
                  'orderNumber', u.number, 'opdName', u."opdName", 'eventName', u."eventName", 'deliveryAt', u."deliveryAt",
                  'place', u.place, 'pax', u.pax, 'category', u.category, 'total', u.total::text) ORDER BY u."deliveryAt", u.number)
                FROM (SELECT o.number, p.name AS "opdName", o."eventName", o."deliveryAt", o.place, o.pax, o.category, o.total
                      FROM "Order" o JOIN "Opd" p ON p.id = o."opdId"
                      WHERE o."vendorId" = ${vendorId}::uuid AND o.status = 'ACCEPTED' AND o."deliveryAt" >= ${since}
                      ORDER BY o."deliveryAt", o.number LIMIT 10) u), '[]'::json) AS upcoming,
      (SELECT json_build_object('value', COALESCE(sum(o.total), 0)::text, 'orders', count(*)) FROM "Order" o
        WHERE o."vendorId" = ${vendorId}::uuid AND o.status = ANY(${[...AWARDED_ORDER_STATES]}::"OrderStatus"[])
          AND o."deliveryAt" >= ${start} AND o."deliveryAt" < ${end}) AS year,
      (SELECT json_build_object('level', s.level, 'endsAt', s."endsAt", 'cause', s.cause) FROM "Sanction" s
        WHERE s."vendorId" = ${vendorId}::uuid AND s.status = 'CONFIRMED' AND (s."endsAt" IS NULL OR s."endsAt" > ${now})
        ORDER BY s."proposedAt" DESC LIMIT 1) AS sanction`,
  );
  if (!home?.vendor || !home.firstSteps) throw new Error(`vendor ${vendorId} not found`);
  return {
    vendor: home.vendor,
    firstSteps: home.firstSteps,
    pendingOffers: home.offers,
    upcoming: home.upcoming,
    yearValue: home.year.value,
    yearOrders: home.year.orders,
    activeSanction: home.sanction,
  };
}
