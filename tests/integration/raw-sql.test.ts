// The hot path's raw statements on node-postgres (lib/db/raw.ts) must read exactly as through Prisma: the same
// statement, sent both ways, decodes to the same values (bigint, dates, timestamps, json, arrays, enums), takes the
// same parameters (a Date as its instant, whatever the process's time zone), and the raw transaction commits, rolls
// back and retries as lib/data/tx.ts inTransaction does.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { testDb } from "@/tests/support/integration-setup";
import { inRawTransaction, rawSql } from "@/lib/db/raw";
import { createCity, orderInput, staffActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";

const values = (at: Date, day: Date) => Prisma.sql`
  SELECT 12345678901234::bigint AS big, ARRAY[1, 2]::bigint[] AS bigs, 7::int AS small, 2.5::float8 AS real,
    ${day}::date AS day, ARRAY[${day}::date, NULL]::date[] AS days, ${at}::timestamptz AS at,
    ${at}::timestamptz::timestamp AS "atUtcNaive", ARRAY[${at}::timestamptz] AS ats,
    json_build_object('a', 1, 'b', ARRAY['x'], 'at', ${at}::timestamptz) AS doc, '{"k": [1, 2]}'::jsonb AS docb,
    ARRAY['11111111-1111-4111-8111-111111111111']::uuid[] AS ids, ARRAY['a', 'b c', NULL]::text[] AS texts,
    true AS yes, ARRAY[true, false] AS flags, 'OFFERED'::"OrderStatus" AS status,
    ${123n}::bigint + 1 AS "fromBigint", ${[day, day]}::date[] AS "dayParams", ${"O'Brien"}::text AS quoted,
    NULL::bigint AS "nothing"`;

describe("raw statements on node-postgres", () => {
  it("decode and take parameters exactly as Prisma's raw queries do", async () => {
    const db = testDb();
    const at = new Date("2026-03-31T23:30:15.123Z");
    const day = new Date("2026-04-01T00:00:00.000Z");
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles"; // a process whose local day differs from the UTC day of `at`
    let viaPrisma: Record<string, unknown>[], viaPg: Record<string, unknown>[];
    try {
      viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(values(at, day));
      viaPg = await rawSql(db).$queryRaw<Record<string, unknown>[]>(values(at, day));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(viaPg).toEqual(viaPrisma);
    const row = viaPg[0]!;
    expect(row.big).toBe(12345678901234n);
    expect(row.day).toEqual(day);
    expect(row.at).toEqual(at);
    expect(row.atUtcNaive).toEqual(at);
    expect(row.fromBigint).toBe(124n);
    expect(row.dayParams).toEqual([day, day]);
    // The same statement twice (the second time prepared already) reads the same.
    expect(await rawSql(db).$queryRaw(values(at, day))).toEqual(viaPg);
  });

  it("commits a transaction whole, rolls it back whole, and retries it on a serialization failure", async () => {
    const db = testDb();
    await rawSql(db).$executeRawUnsafe(`CREATE TABLE raw_probe (n int PRIMARY KEY)`);
    await inRawTransaction(db, async (tx) => {
      await tx.$executeRaw`INSERT INTO raw_probe VALUES (1)`;
      await tx.$executeRaw`INSERT INTO raw_probe VALUES (2)`;
    });
    await expect(
      inRawTransaction(db, async (tx) => {
        await tx.$executeRaw`INSERT INTO raw_probe VALUES (3)`;
        await tx.$executeRaw`INSERT INTO raw_probe VALUES (1)`; // duplicate key: the whole transaction goes
      }),
    ).rejects.toMatchObject({ code: "23505" });
    let attempts = 0;
    await inRawTransaction(db, async (tx) => {
      attempts++;
      await tx.$executeRaw`INSERT INTO raw_probe VALUES (${10 + attempts}::int)`;
      if (attempts === 1)
        await tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`);
    });
    expect(attempts).toBe(2);
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT n FROM raw_probe ORDER BY n`;
    expect(rows.map((r) => r.n)).toEqual([1, 2, 12]);
  });

  it("serves more routings at once than its pool has connections, each connection returned after its transaction", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 3, pools: [[0, 1, 2]] });
    const clock = fixedClock("2026-06-01T02:00:00Z");
    // More submissions than the pool has connections, at once: every one is routed, none waits forever.
    const routed = await Promise.all(
      Array.from({ length: 30 }, () =>
        submitOrder(db, { clock, actor: staffActor(city), input: orderInput({ pax: 5 }) }),
      ),
    );
    expect(routed.every((r) => r.route?.kind === "OFFERED")).toBe(true);
    expect(await db.order.count({ where: { status: "OFFERED" } })).toBe(30);
  });
});
