// The one helper for an order's state changes (issue 19): checked against the state machine before anything is
// sent, written as a compare-and-set on the current state; a concurrent change is INVALID_STATE.
import { describe, expect, it } from "vitest";
import { ORDER_TRANSITIONS, canTransition } from "@/lib/domain/order-state";
import { transitionOrder, transitionOrderSql } from "@/lib/data/orders/transition-order";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const STATES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];
const ID = "00000000-0000-4000-8000-000000000001";

function fakeTx(count: number) {
  const calls: unknown[] = [];
  const tx = { order: { updateMany: async (args: unknown) => (calls.push(args), { count }) } } as unknown as Tx;
  return { tx, calls };
}

describe("transitionOrder", () => {
  it("refuses every move the state machine does not allow, before sending anything", async () => {
    for (const from of STATES)
      for (const to of STATES) {
        if (canTransition(from, to)) continue;
        const { tx, calls } = fakeTx(1);
        await expect(transitionOrder(tx, { orderId: ID, from, to })).rejects.toThrow(`from ${from} to ${to}`);
        expect(() => transitionOrderSql({ orderId: ID, from, to })).toThrow();
        expect(calls).toEqual([]);
      }
  });

  it("writes an allowed move as a compare-and-set with the version bumped, and says when the order moved on", async () => {
    const { tx, calls } = fakeTx(1);
    await transitionOrder(tx, { orderId: ID, from: "ACCEPTED", to: "CANCELLED", data: { cancelReason: "Ditunda" } });
    expect(calls).toEqual([
      {
        where: { id: ID, status: "ACCEPTED" },
        data: { cancelReason: "Ditunda", status: "CANCELLED", version: { increment: 1 } },
      },
    ]);
    const stale = fakeTx(0);
    await expect(transitionOrder(stale.tx, { orderId: ID, from: "ACCEPTED", to: "DELIVERED" })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "INVALID_STATE",
    );
    const sql = transitionOrderSql({ orderId: ID, from: "ACCEPTED", to: "FAILED" });
    expect(sql.text).toMatch(
      /UPDATE "Order" SET status = \$1::"OrderStatus".*WHERE id = \$2::uuid AND status = \$3::"OrderStatus" RETURNING id/s,
    );
    expect(sql.values).toEqual(["FAILED", ID, "ACCEPTED"]);
  });
});
