// The order state machine has one definition (lib/domain/order-state.ts ORDER_TRANSITIONS) and one database mirror
// that refuses any other status change, whoever writes it (migration 20261130030000_order_state_guard). This
// compares the two on every pair, and tries every illegal transition on a real order: each is refused, nothing changes.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput, staffActor } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { canTransition, ORDER_TRANSITIONS } from "@/lib/domain/order-state";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const STATES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

describe("the order state machine in the database", () => {
  it("allows exactly the transitions of ORDER_TRANSITIONS", async () => {
    const db = testDb();
    const rows = await db.$queryRaw<{ from: OrderStatus; to: OrderStatus; allowed: boolean }[]>`
      SELECT f::text AS "from", t::text AS "to", "mm_order_transition_allowed"(f, t) AS allowed
      FROM unnest(enum_range(NULL::"OrderStatus")) f, unnest(enum_range(NULL::"OrderStatus")) t`;
    expect(rows).toHaveLength(STATES.length ** 2);
    for (const r of rows) expect({ ...r, allowed: r.allowed }).toEqual({ ...r, allowed: canTransition(r.from, r.to) });
  });

  it("refuses every illegal status change of a real order, whoever writes it, and changes nothing", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const r = await submitOrder(db, {
      clock: fixedClock("2026-06-01T02:00:00Z"),
      actor: staffActor(city),
      input: orderInput(),
    });
    expect(r.status).toBe("OFFERED");
    const illegal = STATES.filter((to) => to !== "OFFERED" && !canTransition("OFFERED", to));
    expect(illegal.length).toBeGreaterThan(0);
    for (const to of illegal) {
      await expect(
        db.$executeRaw`UPDATE "Order" SET status = ${to}::"OrderStatus" WHERE id = ${r.orderId}::uuid`,
      ).rejects.toThrow(/cannot go from OFFERED to/);
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).status).toBe("OFFERED");
    // A legal one still goes through (and a status kept as it is is not a transition).
    await db.$executeRaw`UPDATE "Order" SET status = 'OFFERED', "updatedAt" = now() WHERE id = ${r.orderId}::uuid`;
    await db.$executeRaw`UPDATE "Order" SET status = 'ESCALATED', "escalatedAt" = now() WHERE id = ${r.orderId}::uuid`;
    await expect(db.$executeRaw`UPDATE "Order" SET status = 'DELIVERED' WHERE id = ${r.orderId}::uuid`).rejects.toThrow(
      /cannot go from ESCALATED to DELIVERED/,
    );
  });
});
