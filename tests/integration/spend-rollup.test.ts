import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { spendByVendor, spendByVendorFromOrders } from "@/lib/db/sql/spend";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { getSpread } from "@/lib/data/dashboard/get-spread";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { parsePeriod } from "@/lib/domain/period";
import { distributionOf } from "@/lib/domain/fairness";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { renderDashboardXlsx } from "@/lib/documents/dashboard-xlsx";
import readXlsxFile from "read-excel-file/node";

/** The mayor's office reads the dashboard. */
const MAYOR = { id: null, role: "MAYOR" as const };

describe("the SpendDaily rollup", () => {
  // The seeded city first: the seed expects a database without other cities.
  it("matches the orders on the seeded demo city too", async () => {
    const db = testDb();
    await seedDemo(db, fixedClock("2026-11-28T03:00:00Z"));
    const scope = { from: "2026-01-01", to: "2026-12-31" };
    const rollup = await spendByVendor(db, scope);
    expect(rollup.length).toBeGreaterThan(5);
    expect(rollup).toEqual(await spendByVendorFromOrders(db, scope));
  });

  it("equals the orders' own totals after any sequence of submissions, answers, cancellations, deliveries and failures", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 2,
      vendors: 4,
      pools: [
        [0, 1, 2],
        [1, 2, 3],
      ],
      capacity: 100_000,
    });
    const clock = fixedClock("2026-06-01T02:00:00Z");
    const staff = (i: number) => ({ id: city.opds[i]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[i]!.id });
    // Any UMKM of the decree: an order its pool cannot take goes to the city-wide reserve (the demo's UMKM too).
    const vendorActor = async (vendorId: string) => ({
      id: (await db.user.findFirstOrThrow({ where: { vendorId }, select: { id: true } })).id,
      role: "VENDOR" as const,
      vendorId,
    });
    const step = fc.record({
      opd: fc.integer({ min: 0, max: 1 }),
      day: fc.integer({ min: 10, max: 14 }),
      pax: fc.integer({ min: 1, max: 80 }),
      fate: fc.constantFrom("accept", "decline", "cancel", "deliver", "fail", "leave"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 15 }), async (steps) => {
        for (const s of steps) {
          const r = await submitOrder(db, {
            clock,
            actor: staff(s.opd),
            input: orderInput({ pax: s.pax, deliveryAt: new Date(`2026-06-${s.day}T03:00:00Z`) }),
          });
          if (r.route?.kind !== "OFFERED") continue;
          const vendor = await vendorActor(r.route.vendorId);
          if (s.fate === "decline")
            await declineOffer(db, { clock, actor: vendor, offerId: r.route.offerId, reason: "Penuh" });
          else if (s.fate === "cancel")
            await cancelOrder(db, { clock, actor: staff(s.opd), orderId: r.orderId, reason: "Acara batal" });
          else if (s.fate !== "leave") {
            await acceptOffer(db, { clock, actor: vendor, offerId: r.route.offerId });
            if (s.fate === "deliver") {
              await confirmDelivery(db, {
                clock,
                actor: staff(s.opd),
                orderId: r.orderId,
                input: {
                  deliveredAt: new Date("2026-06-01T02:00:00Z"),
                  quantityReceived: s.pax,
                  rating: 5,
                  // Confirmed "now", days before the scheduled delivery: an early delivery needs its reason.
                  earlyReason: "Acara dimajukan",
                },
              });
            } else if (s.fate === "fail") {
              await reportFailure(db, {
                clock,
                actor: staff(s.opd),
                orderId: r.orderId,
                input: {
                  type: "VENDOR_CANCELLED",
                  evidence: "UMKM membatalkan.",
                },
              });
            }
          }
        }
        for (const scope of [
          { from: "2026-06-01", to: "2026-06-30" },
          { from: "2026-06-11", to: "2026-06-12", opdId: city.opds[1]!.id },
          // Whole months from SpendMonthly, the partial ones from SpendDaily.
          { from: "2026-06-12", to: "2026-07-31" },
          { from: "2026-05-01", to: "2026-06-11", opdId: city.opds[0]!.id },
          { from: "2026-05-15", to: "2026-08-13" },
        ]) {
          expect(await spendByVendor(db, scope)).toEqual(await spendByVendorFromOrders(db, scope));
        }
        // RoutingDaily (escalations and the city-wide reserve) is the orders' own counts, day by day and OPD by OPD.
        const routingMismatched = await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM (
            SELECT "deliveryDay" AS day, "opdId", count(*)::int AS orders, count("escalatedAt")::int AS escalated,
                   count("reserveAt")::int AS reserve
            FROM "Order" WHERE status <> 'CANCELLED' GROUP BY 1, 2
          ) x FULL JOIN (SELECT * FROM "RoutingDaily" WHERE orders <> 0 OR escalated <> 0 OR reserve <> 0) r USING (day, "opdId")
          WHERE x.orders IS DISTINCT FROM r.orders OR x.escalated IS DISTINCT FROM r.escalated OR x.reserve IS DISTINCT FROM r.reserve`;
        expect(Number(routingMismatched[0]!.n)).toBe(0);
        // The monthly rollup is the daily one summed by month.
        const mismatched = await db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM (
            SELECT date_trunc('month', day)::date AS month, "opdId", "vendorId", sum("awardedValue") a, sum("awardedCount") ac,
                   sum("deliveredValue") d, sum("deliveredCount") dc FROM "SpendDaily" GROUP BY 1, 2, 3
          ) x FULL JOIN "SpendMonthly" m USING (month, "opdId", "vendorId")
          WHERE x.a IS DISTINCT FROM m."awardedValue" OR x.ac IS DISTINCT FROM m."awardedCount"
             OR x.d IS DISTINCT FROM m."deliveredValue" OR x.dc IS DISTINCT FROM m."deliveredCount"`;
        expect(Number(mismatched[0]!.n)).toBe(0);
      }),
      { numRuns: 6 },
    );
  });
});

describe("the spread for a period", () => {
  it("matches the fairness metrics computed from the orders themselves, city-wide and per OPD", async () => {
    const db = testDb();
    const clock = fixedClock("2026-11-28T03:00:00Z");
    const period = parsePeriod("year:2026")!;
    const city = await getSpread(db, { clock, period });
    const decree = (await findDecreeInForce(db, "2026-11-28"))!;
    const allocatedIds = new Set(
      (await db.allocation.findMany({ where: { decreeId: decree.id }, select: { vendorId: true } })).map(
        (a) => a.vendorId,
      ),
    );
    const fromOrders = await spendByVendorFromOrders(db, { from: period.from, to: period.to });
    for (const s of fromOrders) allocatedIds.add(s.vendorId);
    const values = [...allocatedIds].map((id) => fromOrders.find((s) => s.vendorId === id)?.awardedValue ?? 0);
    const expected = distributionOf(values);
    expect(city.distribution.gini).toBeCloseTo(expected.gini, 12);
    expect(city.distribution.hhi).toBeCloseTo(expected.hhi, 12);
    expect(city.distribution.top3Share).toBeCloseTo(expected.top3Share, 12);
    expect(city.distribution.zero).toEqual(expected.zero);
    expect(city.unpaid.length).toBe(expected.zero.count);
    expect(city.lorenz.at(-1)).toEqual({ vendors: 1, value: 1 });

    const opd = await db.opd.findUniqueOrThrow({ where: { code: "DISKOMINFO" } });
    const one = await getSpread(db, { clock, period, opdId: opd.id });
    const pool = (await db.allocation.findMany({ where: { decreeId: decree.id, opdId: opd.id } })).map(
      (a) => a.vendorId,
    );
    expect(new Set(one.vendors.map((v) => v.id))).toEqual(
      new Set([...pool, ...(await spendByVendorFromOrders(db, { ...period, opdId: opd.id })).map((s) => s.vendorId)]),
    );
    expect(one.awarded).toBe(
      (await spendByVendorFromOrders(db, { from: period.from, to: period.to, opdId: opd.id })).reduce(
        (s, v) => s + v.awardedValue,
        0,
      ),
    );
  });
});

describe("the dashboard's figures", () => {
  it("add up: the monthly trend to the year, absorption to the budgets and the rollup, per OPD to the city", async () => {
    const db = testDb();
    const clock = fixedClock("2026-11-28T03:00:00Z");
    const year = parsePeriod("year:2026")!;
    const d = await getDashboard(db, { clock, actor: MAYOR, period: year, opdId: null });
    expect(d.trend).toHaveLength(12);
    expect(d.trend.reduce((s, m) => s + m.awarded, 0)).toBe(d.spread.awarded);
    expect(d.trend.reduce((s, m) => s + m.delivered, 0)).toBe(d.spread.delivered);
    const pagu = await db.budget.aggregate({ where: { fiscalYear: 2026 }, _sum: { pagu: true } });
    expect(d.absorption.reduce((s, a) => s + a.pagu, 0)).toBe(Number(pagu._sum.pagu));
    expect(d.absorption.reduce((s, a) => s + a.realised, 0)).toBe(d.spread.delivered);
    const opd = d.absorption.find((a) => a.realised > 0)!;
    const one = await getDashboard(db, { clock, actor: MAYOR, period: year, opdId: opd.opdId });
    expect(one.spread.delivered).toBe(opd.realised);
    expect(one.absorption).toHaveLength(1);
    const month = await getDashboard(db, { clock, actor: MAYOR, period: parsePeriod("month:2026-10")!, opdId: null });
    expect(month.spread.awarded).toBe(d.trend.find((m) => m.month === "2026-10")!.awarded);
    // A month without orders has no Gini — on screen and in the workbook (an empty cell and a note, never 0).
    for (const m of d.trend) expect(m.gini === null, m.month).toBe(m.awarded === 0);
    const empty = d.trend.filter((m) => m.gini === null);
    expect(empty.length).toBeGreaterThan(0);
    const sheets = await readXlsxFile(await renderDashboardXlsx(d, "Kota", clock.now()));
    const trend = sheets.find((x) => x.sheet === "Tren bulanan")!.data;
    const header = trend[0]!;
    const gini = header.indexOf("Gini");
    const note = header.indexOf("Catatan");
    for (const m of empty) {
      const row = trend.find((r) => r[0] === m.month)!;
      expect(row[gini], m.month).toBeNull();
      expect(row[note]).toBe("Tidak ada pesanan: tidak ada data pemerataan");
    }
  });
});
