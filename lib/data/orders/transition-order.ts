// Every order state change written one by one goes through here (issue 19): the move is checked against the state
// machine (lib/domain/order-state.ts ORDER_TRANSITIONS) before anything is sent — an illegal one is a programming
// error, thrown — and written as a compare-and-set on the current state with the version bumped, so a concurrent
// change makes it INVALID_STATE instead of overwriting. The set-based statements (routing's write, acceptances) check
// their moves with canTransition before they are built, and the database's trigger refuses any illegal move whoever
// writes it (migration 20261130030000_order_state_guard). An ESLint rule keeps other code from updating orders itself.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { canTransition } from "@/lib/domain/order-state";

/** Throws unless the state machine allows the move (for set-based statements: checked before they are built). */
export function assertOrderTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new Error(`an order cannot go from ${from} to ${to}`);
}

/** Moves one order from `from` to `to` (with other columns in `data`), or INVALID_STATE if it is no longer `from`. */
export async function transitionOrder(
  tx: Tx,
  opts: { orderId: string; from: OrderStatus; to: OrderStatus; data?: Prisma.OrderUpdateManyMutationInput },
): Promise<void> {
  assertOrderTransition(opts.from, opts.to);
  const { count } = await tx.order.updateMany({
    where: { id: opts.orderId, status: opts.from },
    data: { ...opts.data, status: opts.to, version: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("INVALID_STATE");
}

/**
 * The same move as an UPDATE … RETURNING id, for a statement that writes more in the same round trip (its caller
 * checks a row came back). Raw SQL: runs on the hot path's connection or a Prisma transaction alike (RawSql).
 */
export function transitionOrderSql(opts: { orderId: string; from: OrderStatus; to: OrderStatus }): Prisma.Sql {
  assertOrderTransition(opts.from, opts.to);
  return Prisma.sql`UPDATE "Order" SET status = ${opts.to}::"OrderStatus", version = version + 1, "updatedAt" = now()
    WHERE id = ${opts.orderId}::uuid AND status = ${opts.from}::"OrderStatus" RETURNING id`;
}
