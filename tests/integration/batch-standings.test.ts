// Routing reads a batch's standings in one call (mm_batch_standings, migration 20261130080432): each vendor's
// fiscal-year totals are computed once per vendor and year for the whole batch. Each order must still see exactly
// what it would see alone (mm_pool_standings: one order) — its own delivery day's load, its own earlier answers, its
// own fiscal year — however the batch mixes orders of different days, years, pools and histories.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, staffActor, vendorActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { dayAsDate, wibDay } from "@/lib/format";
import { fiscalYearDays } from "@/lib/db/sql/standings";
import { createBudget } from "@/tests/factories";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { checkInvariants } from "@/lib/data/routing/check-invariants";
import { AWARDED_OFFER_STATUSES } from "@/lib/domain/routing";

const T0 = "2026-06-01T02:00:00Z";

describe("mm_batch_standings", () => {
  it("gives every order of a batch what mm_pool_standings gives it alone", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 2,
      vendors: 4,
      pools: [
        [0, 1, 2],
        [1, 2, 3],
      ],
    });
    await createBudget(db, city.opds[0]!.id, 2027, 10_000_000_000);
    await db.priceCeiling.create({ data: { category: "MAKAN", fiscalYear: 2027, maxPerPax: 49_000n } });
    const clock = fixedClock(T0);
    // History: offers accepted, declined and pending, on two days of 2026 and one of 2027 (a decree covers both).
    const days = ["2026-06-10T03:00:00Z", "2026-06-11T03:00:00Z", "2026-12-30T03:00:00Z"];
    const placed = [];
    for (const [k, at] of days.entries())
      for (const opd of [0, 1])
        placed.push(
          await submitOrder(db, {
            clock,
            actor: staffActor(city, opd),
            input: orderInput({ pax: 20 + k, deliveryAt: new Date(at) }),
          }),
        );
    const offered = placed.map((p) => (p.route?.kind === "OFFERED" ? p.route : null)!);
    await acceptOffer(db, { clock, actor: vendorActor(city, offered[0]!.vendorId), offerId: offered[0]!.offerId });
    await acceptOffer(db, { clock, actor: vendorActor(city, offered[3]!.vendorId), offerId: offered[3]!.offerId });
    const declined = await declineOffer(db, {
      clock,
      actor: vendorActor(city, offered[1]!.vendorId),
      offerId: offered[1]!.offerId,
      reason: "Penuh",
    });
    expect(declined.route.kind).toBe("OFFERED");

    // A batch mixing the orders (one declined before, so its `prior` differs per vendor), days and pools.
    const orders = await db.order.findMany({ select: { id: true, opdId: true, deliveryAt: true, deliveryDay: true } });
    const pools = new Map(
      (await db.allocation.findMany({ where: { decreeId: city.decreeId } })).reduce(
        (m, a) => m.set(a.opdId, [...(m.get(a.opdId) ?? []), a.vendorId]),
        new Map<string, string[]>(),
      ),
    );
    const at = new Date("2026-06-02T00:00:00Z");
    const pairs = orders.flatMap((o, i) => {
      const { fyStart, fyEnd } = fiscalYearDays(o.deliveryAt);
      return pools.get(o.opdId)!.map((vendorId) => ({ i, vendorId, o, fyStart, fyEnd }));
    });
    const batch = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "mm_batch_standings"(${pairs.map((p) => p.i)}::int[], ${pairs.map((p) => p.vendorId)}::uuid[],
        ${pairs.map((p) => p.o.id)}::uuid[], ${pairs.map((p) => p.o.deliveryDay)}::date[],
        ${pairs.map((p) => p.fyStart)}::date[], ${pairs.map((p) => p.fyEnd)}::date[], ${pairs.map(() => at)}::timestamptz[])`;
    expect(batch).toHaveLength(pairs.length);
    for (const [i, o] of orders.entries()) {
      const { fyStart, fyEnd } = fiscalYearDays(o.deliveryAt);
      const alone = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT * FROM "mm_pool_standings"(${pools.get(o.opdId)!}::uuid[], ${o.id}::uuid,
          ${dayAsDate(wibDay(o.deliveryAt))}::date, ${fyStart}::date, ${fyEnd}::date, ${at}::timestamptz)`;
      const inBatch = batch.filter((r) => r.i === i).map(({ i: _i, ...r }) => r);
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
      expect(inBatch.sort(byId)).toEqual(alone.sort(byId));
    }
    // The SQL's "awarded" is the domain's (AWARDED_OFFER_STATUSES), computed here from the offers themselves.
    const offersNow = await db.offer.findMany({
      select: { vendorId: true, status: true, value: true, deliveryDay: true },
    });
    const awardedStatuses: readonly string[] = AWARDED_OFFER_STATUSES;
    for (const r of batch) {
      const o = orders[r.i as number]!;
      const year = fiscalYearDays(o.deliveryAt).fyStart.getUTCFullYear();
      const expected = offersNow
        .filter(
          (f) => f.vendorId === r.id && f.deliveryDay.getUTCFullYear() === year && awardedStatuses.includes(f.status),
        )
        .reduce((sum, f) => sum + f.value, 0n);
      expect(r.awarded).toBe(expected);
    }
    expect(batch.some((r) => (r.awarded as bigint) > 0n)).toBe(true);
    // The batch saw what matters: the 2027 order's year has only its own pending value, the declined order's vendor
    // reads DECLINED for that order alone, and an accepted vendor's award counts in 2026.
    const prior = batch.filter((r) => r.prior === "DECLINED");
    expect(prior).toHaveLength(1);
    expect(batch.some((r) => BigInt(r.awarded as bigint) > 0n)).toBe(true);
    expect(new Set(batch.map((r) => String(r.booked))).size).toBeGreaterThan(1);
  });

  it("keeps the awards rollup equal to the offers through acceptances and withdrawn awards", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const clock = fixedClock(T0);
    const placed = [];
    for (let k = 0; k < 4; k++)
      placed.push(await submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 10 + k }) }));
    const offers = placed.map((p) => (p.route?.kind === "OFFERED" ? p.route : null)!);
    // Accepted at different times, so the last acceptance is the later one.
    for (const [k, o] of offers.entries())
      await acceptOffer(db, {
        clock: fixedClock(new Date(Date.parse(T0) + k * 60_000)),
        actor: vendorActor(city, o.vendorId),
        offerId: o.offerId,
      });
    const awards = () =>
      db.vendorYearAward.findMany({ where: { year: 2026, vendorId: { in: city.vendors.map((v) => v.id) } } });
    const before = await awards();
    expect(before.reduce((n, a) => n + a.awardedOrders, 0)).toBe(4);
    // The OPD cancels the last accepted order: its award leaves the rollup and the vendor's last acceptance is read
    // again from what remains.
    const last = offers[3]!;
    await cancelOrder(db, {
      clock: fixedClock(new Date(Date.parse(T0) + 3_600_000)),
      actor: staffActor(city),
      orderId: placed[3]!.orderId,
      reason: "Acara batal",
    });
    const after = await awards();
    expect(after.reduce((n, a) => n + a.awardedOrders, 0)).toBe(3);
    const vendorAfter = after.find((a) => a.vendorId === last.vendorId)!;
    const remaining = await db.offer.aggregate({
      where: { vendorId: last.vendorId, status: { in: [...AWARDED_OFFER_STATUSES] } },
      _max: { respondedAt: true },
    });
    expect(vendorAfter.lastAwardAt).toEqual(remaining._max.respondedAt);
    expect((await checkInvariants(db, clock.now())).awardRollupMismatches).toBe(0);
    // Tampering shows: the check compares every row with the offers.
    await db.$executeRaw`UPDATE "VendorYearAward" SET awarded = awarded + 1 WHERE "vendorId" = ${last.vendorId}::uuid`;
    expect((await checkInvariants(db, clock.now())).awardRollupMismatches).toBe(1);
  });
});
