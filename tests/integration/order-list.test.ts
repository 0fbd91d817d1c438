import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { listOpdOrders, orderListQuerySchema, PAGE_SIZE } from "@/lib/data/orders/list-opd-orders";

beforeAll(async () => {
  await seedDemo(testDb(), fixedClock("2026-11-28T03:00:00Z"));
});

describe("the OPD's order list", () => {
  it("shows only the caller's own orders, newest delivery first, paginated", async () => {
    const db = testDb();
    const opd = await db.opd.findUniqueOrThrow({ where: { code: "SETDA" } });
    const own = await db.order.count({ where: { opdId: opd.id } });
    const first = await listOpdOrders(db, { actor: { role: "OPD_STAFF", opdId: opd.id }, query: {} });
    expect(first.total).toBe(own);
    expect(first.pages).toBe(Math.max(1, Math.ceil(own / PAGE_SIZE)));
    for (const r of first.rows) expect((await db.order.findUniqueOrThrow({ where: { id: r.id } })).opdId).toBe(opd.id);
    const times = first.rows.map((r) => r.deliveryAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // A page past the end shows the last page rather than nothing.
    expect((await listOpdOrders(db, { actor: { role: "OPD_STAFF", opdId: opd.id }, query: { page: 9999 } })).page).toBe(
      first.pages,
    );
  });

  it("filters by status, date range, vendor and a search term", async () => {
    const db = testDb();
    const opd = await db.opd.findUniqueOrThrow({ where: { code: "SETDA" } });
    const delivered = await listOpdOrders(db, {
      actor: { role: "OPD_STAFF", opdId: opd.id },
      query: { status: "DELIVERED" },
    });
    expect(delivered.rows.every((r) => r.status === "DELIVERED")).toBe(true);
    const one = delivered.rows[0]!;
    expect(
      (
        await listOpdOrders(db, { actor: { role: "OPD_STAFF", opdId: opd.id }, query: { q: one.number.toLowerCase() } })
      ).rows.map((r) => r.id),
    ).toEqual([one.id]);
    const day = new Date(one.deliveryAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const sameDay = await listOpdOrders(db, {
      actor: { role: "OPD_STAFF", opdId: opd.id },
      query: { from: day, to: day },
    });
    expect(sameDay.rows.map((r) => r.id)).toContain(one.id);
    for (const r of sameDay.rows)
      expect(new Date(r.deliveryAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10)).toBe(day);
    const vendor = await db.vendor.findFirstOrThrow({ where: { name: one.vendorName! } });
    expect(
      (
        await listOpdOrders(db, { actor: { role: "OPD_STAFF", opdId: opd.id }, query: { vendor: vendor.id } })
      ).rows.every((r) => r.vendorName === vendor.name),
    ).toBe(true);
  });

  it("ignores malformed query parameters instead of failing", () => {
    expect(
      orderListQuerySchema.parse({ status: "NOPE", from: "kemarin", page: "-3", vendor: "x", q: "rapat" }),
    ).toEqual({
      q: "rapat",
      status: undefined,
      from: undefined,
      to: undefined,
      vendor: undefined,
      page: undefined,
    });
  });
});
