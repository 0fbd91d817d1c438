// PostgreSQL restarted under traffic: submissions in flight fail cleanly (an error, nothing half-made), the
// connection pool reconnects by itself, a retry with the same idempotency key never makes a second order, and
// afterwards every routing invariant holds and every order the clients were told about exists exactly once.
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { isAppError } from "@/lib/errors";
import { expectInvariantsHold } from "@/tests/support/invariants";
import { recreateDatabase, startEmbedded, tempDataDir, type DatabaseServer } from "@/scripts/lib/postgres";
import { migrate } from "@/scripts/lib/migrate";

describe("PostgreSQL restarted under traffic", () => {
  it("loses nothing, duplicates nothing, and serves again once it is back", { timeout: 180_000 }, async () => {
    // A server of its own: the shared one serves the other test files.
    const dataDir = tempDataDir("restart");
    let server: DatabaseServer = await startEmbedded({ dataDir, log: () => {} });
    const url = await recreateDatabase(server, "restart_test");
    const port = Number(new URL(url).port);
    await migrate(url);
    const db = createPrisma(url, 10);
    try {
      const city = await createCity(db, {
        opds: 2,
        vendors: 4,
        pools: [
          [0, 1, 2],
          [1, 2, 3],
        ],
        capacity: 100_000,
      });
      const clock = fixedClock("2026-05-04T01:00:00Z");
      const told = new Map<string, string>(); // idempotency key → order id the client was given
      let failedAttempts = 0;
      let restarted = false;
      let done = false;
      let afterRestart = 0;

      // Four clients placing orders until well after the restart; an attempt that fails for a reason other than
      // the rules is retried with the same key, as a browser retrying the same form would.
      const client = async (c: number) => {
        const staff = { id: city.opds[c % 2]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[c % 2]!.id };
        for (let k = 0; !done; k++) {
          const input = orderInput({ pax: 10 + k, deliveryAt: new Date(`2026-05-${10 + (k % 5)}T03:00:00Z`) });
          for (let attempt = 0; ; attempt++) {
            try {
              const r = await submitOrder(db, { clock, actor: staff, input });
              if (told.has(input.idempotencyKey)) expect(r.orderId).toBe(told.get(input.idempotencyKey));
              told.set(input.idempotencyKey, r.orderId);
              if (restarted) afterRestart++;
              break;
            } catch (e) {
              if (isAppError(e)) throw e;
              failedAttempts++;
              if (attempt > 200) throw e;
              await new Promise((r) => setTimeout(r, 50));
            }
          }
        }
      };
      const traffic = Promise.all([0, 1, 2, 3].map(client));
      // Restart the server while the clients are busy.
      await new Promise((r) => setTimeout(r, 300));
      await server.stop();
      await new Promise((r) => setTimeout(r, 500));
      server = await startEmbedded({ dataDir, port, log: () => {} });
      restarted = true;
      // Let them go on for a while against the restarted server.
      while (afterRestart < 20) await new Promise((r) => setTimeout(r, 50));
      done = true;
      await traffic;

      expect(told.size).toBeGreaterThan(20);
      // Every order a client was told about exists, once; nothing else was made; nothing is half-made.
      const orders = await db.order.findMany({ select: { id: true, idempotencyKey: true, status: true } });
      expect(orders).toHaveLength(told.size);
      expect(new Set(orders.map((o) => o.id))).toEqual(new Set(told.values()));
      expect(orders.filter((o) => o.status === "SUBMITTED")).toEqual([]);
      await expectInvariantsHold(db, clock.now());
      // The outage was real: some attempts failed and were retried.
      expect(failedAttempts).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
