// The shared SQL module (lib/db/sql/, issue 19): each shared statement runs on the demo database and its rows decode;
// a renamed column or a drifted JSON key fails here, by name, instead of reading on as undefined.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeRows, queryOne, RowDecodeError } from "@/lib/db/sql/decode";
import {
  decodeRoutableOrder,
  decodeRoutingContext,
  routableOrderJsonSql,
  routingContextSql,
} from "@/lib/db/sql/routing";
import { decreeInForceSql } from "@/lib/db/sql/decree";
import { unreadCountSql } from "@/lib/db/sql/notifications";
import { spendByVendor, spendByVendorFromOrders } from "@/lib/db/sql/spend";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { z } from "zod";

const clock = fixedClock("2026-11-28T03:00:00Z");

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

describe("the shared SQL module", () => {
  it("brings an order's routing facts and context in one statement, decoded", async () => {
    const db = testDb();
    const rows = await db.$queryRaw<{ order: unknown; context: unknown }[]>`
      SELECT ${routableOrderJsonSql(Prisma.sql`o`)} AS order,
             ${routingContextSql(Prisma.sql`o.id`, Prisma.sql`o."opdId"`, Prisma.sql`o."deliveryDay"`)} AS context
      FROM "Order" o WHERE o.status = 'OFFERED' ORDER BY o.number LIMIT 5`;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const order = decodeRoutableOrder(r.order);
      expect(order.total).toBeTypeOf("bigint");
      expect(order.deliveryDay.toISOString()).toMatch(/T00:00:00\.000Z$/);
      const context = decodeRoutingContext(r.context);
      expect(context.decreeId).toMatch(/^[0-9a-f-]{36}$/);
      expect(context.pool.length).toBeGreaterThanOrEqual(2);
      expect(context.round).toBeGreaterThanOrEqual(2);
      expect(context.settings.responseWindowMinutes).toBeGreaterThan(0);
    }
  });

  it("refuses a payload whose keys drifted, naming the key", () => {
    const good = {
      id: "x",
      number: "MM-1",
      opdId: "y",
      status: "OFFERED",
      deliveryAt: "2026-12-01T03:00:00Z",
      deliveryDay: "2026-12-01",
      category: "MAKAN",
      pax: 5,
      total: "100",
      method: "PENGADAAN_LANGSUNG",
      eventName: "Rapat",
    };
    expect(decodeRoutableOrder(good).total).toBe(100n);
    const { deliveryDay, ...renamed } = good;
    expect(() => decodeRoutableOrder({ ...renamed, deliveryDate: deliveryDay })).toThrow(/deliveryDay/);
    expect(() => decodeRoutableOrder({ ...good, status: "LOST" })).toThrow(/status/);
    expect(() => decodeRoutingContext({ decreeId: null, round: 0, pool: [], settings: null })).toThrow(/round/);
    expect(() => decodeRows("rows", z.object({ n: z.bigint() }), [{ n: 1 }])).toThrow(RowDecodeError);
  });

  it("fails a statement whose column was renamed, by name, and reads again once it is back", async () => {
    const db = testDb();
    const user = await db.user.findFirstOrThrow({ where: { username: "admin" } });
    const unread = () =>
      queryOne(
        db,
        "unread",
        z.object({ unread: z.number().int() }),
        Prisma.sql`SELECT ${unreadCountSql(user.id)} AS unread`,
      );
    expect((await unread())!.unread).toBeGreaterThanOrEqual(0);
    // A migration renames a column the shared SQL reads: the statement fails at once in the tests that run it.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "Notification" RENAME COLUMN "readAt" TO "seenAt"`);
        await queryOne(
          tx,
          "unread",
          z.object({ unread: z.number().int() }),
          Prisma.sql`SELECT ${unreadCountSql(user.id)} AS unread`,
        );
      }),
    ).rejects.toThrow(/readAt/);
    // A row that lost a column the code reads fails decoding, naming it.
    await expect(
      queryOne(db, "user", z.object({ id: z.string(), unread: z.number() }), Prisma.sql`SELECT id FROM "User" LIMIT 1`),
    ).rejects.toThrow(/user: row does not match its schema at unread/);
    expect((await unread())!.unread).toBeGreaterThanOrEqual(0);
  });

  it("finds the decree in force and sums spend per UMKM the same from the rollup as from the orders", async () => {
    const db = testDb();
    const d = await findDecreeInForce(db, "2026-11-28");
    expect(d?.status).toBe("IN_FORCE");
    const [row] = await db.$queryRaw<{ id: string }[]>(decreeInForceSql(new Date("2026-11-28T00:00:00Z")));
    expect(row!.id).toBe(d!.id);
    const scope = { from: "2026-01-01", to: "2026-12-31" };
    const rollup = await spendByVendor(db, scope);
    expect(rollup.length).toBeGreaterThan(5);
    expect(rollup).toEqual(await spendByVendorFromOrders(db, scope));
  });
});
