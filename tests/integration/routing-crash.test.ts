// Kill -9 in the middle of routing, three times over: afterwards every order is routed or escalated (never half-made),
// budgets match their orders, and the pending offers' expiries resume on the next sweep.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDb, testDbUrl } from "@/tests/support/integration-setup";
import { createCity } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { expireDueOffers, routeStrandedOrders } from "@/lib/data/offers/expire-offers";
import { expectInvariantsHold } from "@/tests/support/invariants";
import { PROJECT_ROOT } from "@/scripts/lib/postgres";

describe("crashes in the middle of routing", () => {
  it("loses nothing and leaves nothing stuck once the sweep runs again", { timeout: 120_000 }, async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 4,
      vendors: 6,
      pools: [
        [0, 1, 2],
        [2, 3],
        [3, 4, 5],
        [5, 0],
      ],
      capacity: 100_000,
    });
    const orderWhere = { opdId: { in: city.opds.map((o) => o.id) } };
    const clock = fixedClock("2026-05-04T01:00:00Z");
    // Killed three times over while routing; each time a new process carries on where the last one died.
    let placed = 0;
    for (let round = 1; round <= 3; round++) {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(PROJECT_ROOT, "tests/support/crash-child.ts"), testDbUrl(), JSON.stringify(city)],
        {
          cwd: PROJECT_ROOT,
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (b: Buffer) => {
          const m = /PLACED (\d+)/g.exec(b.toString());
          if (m && Number(m[1]) >= 20) resolve();
        });
        child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
      });
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));

      const now = await db.order.count({ where: orderWhere });
      expect(now).toBeGreaterThanOrEqual(placed + 20);
      placed = now;
      // Nothing half-made: submission and routing are one transaction.
      expect(await db.order.count({ where: { ...orderWhere, status: "SUBMITTED" } })).toBe(0);
      await expectInvariantsHold(db, clock.now());
    }

    // "Restart": the sweep picks up where the dead process left off.
    clock.advance(3 * 3600_000);
    expect(await routeStrandedOrders(db, clock)).toBe(0);
    let expired = 0;
    for (;;) {
      const batch = await expireDueOffers(db, clock, 500);
      expired += batch.length;
      if (batch.length === 0) break;
      clock.advance(121 * 60_000);
    }
    expect(expired).toBeGreaterThanOrEqual(placed);
    await expectInvariantsHold(db, clock.now());
    expect(await db.offer.count({ where: { status: "PENDING", expiresAt: { lte: clock.now() } } })).toBe(0);
    // Pools emptied by the lapses were tried against the city-wide reserve before anything was escalated.
    expect(await db.routingDecision.count({ where: { scope: "RESERVE", order: orderWhere } })).toBeGreaterThan(0);
  });
});
