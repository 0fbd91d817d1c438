// lib/data/dashboard/snapshots.ts: the dashboard, the mayor's home and the public page read through short-lived
// snapshots — the same figures as a live read, one read per view while the snapshot is young, views kept apart
// by period, OPD and day, and a made-up OPD code on the public page read as the city-wide view.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb, testDbUrl } from "@/tests/support/integration-setup";
import { systemClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { getMayorHome } from "@/lib/data/home/get-mayor-home";
import { getPublicSpread } from "@/lib/data/public/public-spread";
import { periodFromQuery } from "@/lib/domain/period";
import { wibDay } from "@/lib/format";

/** The mayor's office reads the dashboard. */
const MAYOR = { id: null, role: "MAYOR" as const };

let snapshots: typeof import("@/lib/data/dashboard/snapshots");

beforeAll(async () => {
  await seedDemo(testDb(), systemClock);
  // The app's own client (lib/db.ts) on this file's database, and snapshots that outlive the test.
  vi.stubEnv("DATABASE_URL", testDbUrl());
  vi.stubEnv("DASHBOARD_CACHE_SECONDS", "600");
  vi.resetModules();
  snapshots = await import("@/lib/data/dashboard/snapshots");
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  delete (globalThis as { prisma?: unknown }).prisma;
  vi.unstubAllEnvs();
});

describe("dashboard snapshots", () => {
  const today = () => wibDay(systemClock.now());

  it("show the same figures as a live read, and read once per view while young", async () => {
    const db = testDb();
    const period = periodFromQuery({}, today());
    const first = await snapshots.dashboardSnapshot({ actor: MAYOR, period, opdId: null });
    expect(first.value).toEqual(await getDashboard(db, { clock: systemClock, actor: MAYOR, period, opdId: null }));
    expect(Math.abs(first.at.getTime() - Date.now())).toBeLessThan(60_000);

    // A change after the snapshot: the snapshot keeps its figures (and its time) until it is older than the TTL.
    await db.opd.update({ where: { code: "DISKOMINFO" }, data: { name: "Dinas Kominfo (nama baru)" } });
    const again = await snapshots.dashboardSnapshot({ actor: MAYOR, period, opdId: null });
    expect(again).toBe(first);
    expect(again.value.opds.map((o) => o.name)).not.toContain("Dinas Kominfo (nama baru)");
    expect(
      (await getDashboard(db, { clock: systemClock, actor: MAYOR, period, opdId: null })).opds.map((o) => o.name),
    ).toContain("Dinas Kominfo (nama baru)");

    // Another period or one OPD is another view, read on its own.
    const opd = await db.opd.findFirstOrThrow({ where: { code: "DISKOMINFO" } });
    const one = await snapshots.dashboardSnapshot({ actor: MAYOR, period, opdId: opd.id });
    expect(one).not.toBe(first);
    expect(one.value).toEqual(await getDashboard(db, { clock: systemClock, actor: MAYOR, period, opdId: opd.id }));
    const lastYear = periodFromQuery({ period: `year:${Number(today().slice(0, 4)) - 1}` }, today());
    expect(
      (await snapshots.dashboardSnapshot({ actor: MAYOR, period: lastYear, opdId: null })).value.spread.period.from,
    ).toBe(lastYear.from);
  });

  it("read the mayor's home once per day's view", async () => {
    const home = await snapshots.mayorHomeSnapshot({ actor: MAYOR });
    expect(home.value).toEqual(await getMayorHome(testDb(), { clock: systemClock, actor: MAYOR }));
    expect(await snapshots.mayorHomeSnapshot({ actor: MAYOR })).toBe(home);
    // The shared snapshot is read only after its reader is checked: an OPD's staff or a vendor is refused, even
    // while a snapshot is warm.
    const clerk = { id: null, role: "OPD_STAFF" as const };
    expect(() => snapshots.mayorHomeSnapshot({ actor: clerk })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    const period = periodFromQuery({}, today());
    expect(() => snapshots.dashboardSnapshot({ actor: { id: null, role: "VENDOR" }, period, opdId: null })).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    await expect(
      getDashboard(testDb(), { clock: systemClock, actor: clerk, period, opdId: null }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("key the public page by what the query means: a made-up OPD code is the city-wide view", async () => {
    const city = await snapshots.publicSpreadSnapshot({});
    expect(city.value).toEqual(await getPublicSpread(testDb(), { clock: systemClock, query: {} }));
    expect(await snapshots.publicSpreadSnapshot({ opd: "<script>alert(1)</script>" })).toBe(city);
    expect(await snapshots.publicSpreadSnapshot({ period: "not-a-period" })).toBe(city);
    const opd = await snapshots.publicSpreadSnapshot({ opd: "DISKOMINFO" });
    expect(opd.value.opd?.code).toBe("DISKOMINFO");
    expect(await snapshots.publicSpreadSnapshot({ opd: "DISKOMINFO" })).toBe(opd);
  });
});
