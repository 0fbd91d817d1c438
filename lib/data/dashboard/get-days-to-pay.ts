// How fast the city pays its UMKM (issue 20), for the mayor's dashboard, the admin home, the workbooks and the public
// page: average days from the BAST to payment in full and from the invoice to payment in full, per month of payment
// over the period's fiscal year and per OPD over the period (from the PaymentMonthly rollup, kept by a trigger on
// "Payable"), what is owed now, and the oldest deliveries still unpaid past the target (from the partial index of
// unpaid payables). Read-only. `withList: false` leaves the list of overdue deliveries out (the public page: no
// names of who is waiting, only counts per OPD).
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";
import { averageDays, daysToPay, payableStage, type PayableStage } from "@/lib/domain/payment";
import { monthsOf, type Period } from "@/lib/domain/period";
import { dayAsDate, wibDay } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { queryRows } from "@/lib/db/sql/decode";
import { bool, instant, int, int8, row, rupiah, text, uuid } from "@/lib/db/sql/columns";

export interface PayFigures {
  paidCount: number;
  paidGross: number;
  /** Averages in days; null when nothing was paid (shown as "no data", never 0). */
  avgFromBast: number | null;
  avgFromInvoice: number | null;
}

export interface DaysToPay {
  targetDays: number;
  months: ({ month: string } & PayFigures)[];
  byOpd: ({
    opdId: string;
    code: string;
    name: string;
    owedCount: number;
    owedValue: number;
    overdue: number;
  } & PayFigures)[];
  total: PayFigures & { owedCount: number; owedValue: number; overdue: number };
  overdue: {
    orderId: string;
    orderNumber: string;
    opdName: string;
    vendorName: string;
    owed: number;
    bastAt: Date;
    daysWaited: number;
    stage: PayableStage;
  }[];
}

const monthRow = row({
  month: text,
  opdId: uuid,
  inPeriod: bool,
  paidCount: int,
  paidGross: rupiah,
  daysFromBast: int8,
  invoicedCount: int,
  daysFromInvoice: int8,
});
type Sums = z.output<typeof monthRow>;

const figures = (rows: Sums[]): PayFigures => {
  const n = rows.reduce((a, r) => a + r.paidCount, 0);
  const inv = rows.reduce((a, r) => a + r.invoicedCount, 0);
  return {
    paidCount: n,
    paidGross: rows.reduce((a, r) => a + r.paidGross, 0),
    avgFromBast: averageDays(
      rows.reduce((a, r) => a + rp(r.daysFromBast), 0),
      n,
    ),
    avgFromInvoice: averageDays(
      rows.reduce((a, r) => a + rp(r.daysFromInvoice), 0),
      inv,
    ),
  };
};

/** Months of the rollup grouped by month and OPD, each flagged whether it lies in the period (cf. resilienceCountsSql). */
export function paymentMonthsSql(fy: number, period: Period, opdId: string | null): Prisma.Sql {
  const lo = period.from < `${fy}-01-01` ? period.from : `${fy}-01-01`;
  const hi = period.to > `${fy}-12-31` ? period.to : `${fy}-12-31`;
  return Prisma.sql`
    SELECT to_char(m.month, 'YYYY-MM') AS month, m."opdId",
           (m.month BETWEEN date_trunc('month', ${dayAsDate(period.from)}::date) AND ${dayAsDate(period.to)}::date) AS "inPeriod",
           m."paidCount", m."paidGross", m."daysFromBast", m."invoicedCount", m."daysFromInvoice"
    FROM "PaymentMonthly" m
    WHERE m.month BETWEEN date_trunc('month', ${dayAsDate(lo)}::date) AND ${dayAsDate(hi)}::date AND m."paidCount" > 0
      ${opdId ? Prisma.sql`AND m."opdId" = ${opdId}::uuid` : Prisma.empty}`;
}

/** What is owed now per OPD: unpaid payables, their value, and how many are past the target. */
export function owedNowSql(overdueBefore: Date, opdId: string | null): Prisma.Sql {
  return Prisma.sql`
    SELECT p."opdId", count(*)::int AS "owedCount", sum(p.amount - p."paidGross")::bigint AS "owedValue",
           count(*) FILTER (WHERE p."bastAt" < ${overdueBefore})::int AS overdue
    FROM "Payable" p WHERE p."paidOn" IS NULL ${opdId ? Prisma.sql`AND p."opdId" = ${opdId}::uuid` : Prisma.empty}
    GROUP BY 1`;
}

const overdueRow = row({
  orderId: uuid,
  amount: rupiah,
  paidGross: rupiah,
  invoiceStatus: z.enum(InvoiceStatus).nullable(),
  bastAt: instant,
  orderNumber: text,
  opdName: text,
  vendorName: text,
});

/** The oldest deliveries unpaid past the target, with their order, OPD and UMKM: one statement (the partial index). */
export function overdueSql(overdueBefore: Date, opdId: string | null, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT p."orderId", p.amount, p."paidGross", p."invoiceStatus", p."bastAt", o.number AS "orderNumber",
           d.name AS "opdName", v.name AS "vendorName"
    FROM "Payable" p JOIN "Order" o ON o.id = p."orderId" JOIN "Opd" d ON d.id = p."opdId" JOIN "Vendor" v ON v.id = p."vendorId"
    WHERE p."paidOn" IS NULL AND p."bastAt" < ${overdueBefore} ${opdId ? Prisma.sql`AND p."opdId" = ${opdId}::uuid` : Prisma.empty}
    ORDER BY p."bastAt", p."orderId" LIMIT ${limit}`;
}

const getDaysToPayOwedRow = row({ opdId: uuid, owedCount: int, owedValue: rupiah, overdue: int });

export async function getDaysToPay(
  tx: Tx,
  opts: {
    clock: Clock;
    period: Period;
    opdId: string | null;
    targetDays: number;
    withList?: boolean;
    listLimit?: number;
    /** The OPDs in code order, when the caller reads them anyway (the dashboard): one statement fewer. */
    opds?: Promise<{ id: string; code: string; name: string }[]>;
  },
): Promise<DaysToPay> {
  const { clock, period, opdId, targetDays } = opts;
  const fy = Number(period.to.slice(0, 4));
  const today = wibDay(clock.now());
  // Overdue: the BAST's WIB day is more than targetDays before today (lib/domain/payment.ts isOverdue).
  const overdueBefore = new Date(Date.parse(`${today}T00:00:00+07:00`) - targetDays * 86_400_000);
  const [months, owed, opds, list] = await Promise.all([
    queryRows(tx, "getDaysToPay.months", monthRow, paymentMonthsSql(fy, period, opdId)),
    queryRows(tx, "getDaysToPay.owed", getDaysToPayOwedRow, owedNowSql(overdueBefore, opdId)),
    opts.opds
      ? opts.opds.then((all) => (opdId ? all.filter((o) => o.id === opdId) : all))
      : tx.opd.findMany({
          where: opdId ? { id: opdId } : {},
          orderBy: { code: "asc" },
          select: { id: true, code: true, name: true },
        }),
    opts.withList === false
      ? Promise.resolve([])
      : queryRows(tx, "getDaysToPay.overdue", overdueRow, overdueSql(overdueBefore, opdId, opts.listLimit ?? 20)),
  ]);
  const inPeriod = months.filter((m) => m.inPeriod);
  const owedTotal = {
    owedCount: owed.reduce((a, r) => a + r.owedCount, 0),
    owedValue: owed.reduce((a, r) => a + r.owedValue, 0),
    overdue: owed.reduce((a, r) => a + r.overdue, 0),
  };
  return {
    targetDays,
    months: monthsOf(fy).map((m) => {
      const month = m.from.slice(0, 7);
      return { month, ...figures(months.filter((r) => r.month === month)) };
    }),
    byOpd: opds.map((o) => {
      const w = owed.find((r) => r.opdId === o.id);
      return {
        opdId: o.id,
        code: o.code,
        name: o.name,
        ...figures(inPeriod.filter((r) => r.opdId === o.id)),
        owedCount: w?.owedCount ?? 0,
        owedValue: w?.owedValue ?? 0,
        overdue: w?.overdue ?? 0,
      };
    }),
    total: { ...figures(inPeriod), ...owedTotal },
    overdue: list.map((p) => {
      const state = { amount: p.amount, paidGross: p.paidGross, invoiceStatus: p.invoiceStatus };
      return {
        orderId: p.orderId,
        orderNumber: p.orderNumber,
        opdName: p.opdName,
        vendorName: p.vendorName,
        owed: state.amount - state.paidGross,
        bastAt: p.bastAt,
        daysWaited: daysToPay(wibDay(p.bastAt), today),
        stage: payableStage(state),
      };
    }),
  };
}
