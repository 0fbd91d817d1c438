// The awards a period holds (orders a UMKM accepted, whether delivered, still to deliver, failed or cancelled after
// it accepted), city-wide
// or for one OPD, for the public transparency page's Open Contracting download. Only what public procurement
// data publishes: the buying agency, the UMKM's business name and code, the value and dates, and what was paid
// and when — no people, no phone numbers, no tax numbers, no bank accounts.
import type { Tx } from "@/lib/db/client";
import type { Period } from "@/lib/domain/period";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { queryRows } from "@/lib/db/sql/decode";
import { instant, int, row, rupiah, text, uuid } from "@/lib/db/sql/columns";

export interface PublicAward {
  orderId: string;
  number: string;
  opd: { id: string; code: string; name: string };
  vendor: { id: string; code: string; name: string; kelurahan: string; kecamatan: string };
  category: string;
  method: string;
  pax: number;
  unitPrice: number;
  total: number;
  status: "ACCEPTED" | "DELIVERED" | "FAILED" | "CANCELLED";
  awardedAt: Date;
  /** When the order reached its present state: the award, the delivery or failure report, or the cancellation. */
  changedAt: Date;
  deliveryAt: Date;
  /** Payments standing (not reversed), oldest first: what the OPD actually paid the UMKM (gross, before tax). */
  payments: { id: string; date: string; amount: number }[];
}

/** At most this many awards in one download; a longer period is refused with a clear message. */
export const PUBLIC_AWARDS_MAX = 50_000;

const awardRow = row({
  orderId: uuid,
  number: text,
  category: text,
  method: text,
  pax: int,
  unitPrice: rupiah,
  total: rupiah,
  status: z.enum(["ACCEPTED", "DELIVERED", "FAILED", "CANCELLED"]),
  awardedAt: instant,
  changedAt: instant,
  deliveryAt: instant,
  payments: z.array(row({ id: uuid, date: text, amount: z.number().int() })).nullable(),
  opdId: uuid,
  opdCode: text,
  opdName: text,
  vendorId: uuid,
  vendorCode: text,
  vendorName: text,
  kelurahan: text,
  kecamatan: text,
});

export async function listPublicAwards(tx: Tx, opts: { period: Period; opdId: string | null }): Promise<PublicAward[]> {
  const { period, opdId } = opts;
  const rows = await queryRows(
    tx,
    "listPublicAwards",
    awardRow,
    Prisma.sql`
    SELECT o.id AS "orderId", o.number, o.category::text AS category, o.method::text AS method, o.pax, o."unitPrice", o.total,
           o.status::text AS status, o."awardedAt", o."deliveryAt",
           GREATEST(o."awardedAt", o."cancelledAt",
                    (SELECT max(f."createdAt") FROM "Fulfilment" f WHERE f."orderId" = o.id AND f."vendorId" = o."vendorId"),
                    (SELECT max(pm."recordedAt") FROM "Payment" pm WHERE pm."orderId" = o.id))
             AS "changedAt",
           (SELECT json_agg(json_build_object('id', pm.id, 'date', pm."paidOn", 'amount', pm.gross) ORDER BY pm."paidOn", pm.id)
            FROM "Payment" pm WHERE pm."orderId" = o.id AND pm."reversesId" IS NULL
              AND NOT EXISTS (SELECT 1 FROM "Payment" r WHERE r."reversesId" = pm.id)) AS payments,
           p.id AS "opdId", p.code AS "opdCode", p.name AS "opdName",
           v.id AS "vendorId", v.code AS "vendorCode", v.name AS "vendorName", v.kelurahan, v.kecamatan
    FROM "Order" o
    JOIN "Opd" p ON p.id = o."opdId"
    JOIN "Vendor" v ON v.id = o."vendorId"
    WHERE o.status IN ('ACCEPTED', 'DELIVERED', 'FAILED', 'CANCELLED') AND o."awardedAt" IS NOT NULL
      AND o."deliveryDay" BETWEEN ${period.from}::date AND ${period.to}::date
      ${opdId ? Prisma.sql`AND o."opdId" = ${opdId}::uuid` : Prisma.empty}
    ORDER BY "changedAt", o.number
    LIMIT ${PUBLIC_AWARDS_MAX + 1}`,
  );
  return rows.map((r) => ({
    orderId: r.orderId,
    number: r.number,
    opd: { id: r.opdId, code: r.opdCode, name: r.opdName },
    vendor: { id: r.vendorId, code: r.vendorCode, name: r.vendorName, kelurahan: r.kelurahan, kecamatan: r.kecamatan },
    category: r.category,
    method: r.method,
    pax: r.pax,
    unitPrice: r.unitPrice,
    total: r.total,
    status: r.status,
    awardedAt: r.awardedAt,
    changedAt: r.changedAt,
    deliveryAt: r.deliveryAt,
    payments: r.payments ?? [],
  }));
}
