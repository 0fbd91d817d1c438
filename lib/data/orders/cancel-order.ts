// An OPD cancels one of its own orders, with a reason: the live offer is withdrawn and the budget released.
import { requireOwnOpdId } from "@/lib/data/authorise";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction, lockOrder, lockVendors } from "@/lib/data/tx";
import { releaseBudget } from "@/lib/data/orders/budget";
import { notice, notify } from "@/lib/data/notifications/notify";
import { transitionOrder } from "@/lib/data/orders/transition-order";
import { CANCELLABLE_STATES } from "@/lib/domain/order-state";
import type { OrderActor } from "@/lib/data/orders/submit-order";
import { vm } from "@/lib/domain/validation-message";

export const cancelReasonSchema = z.string().trim().min(5, vm("reason.cancel")).max(500);

// Built once: zod compiles a schema on its first parse, so one made per call is compiled on every call.
const cancelInput = z.object({ reason: cancelReasonSchema });

export async function cancelOrder(
  db: Db,
  opts: { clock: Clock; actor: OrderActor; orderId: string; reason: string },
): Promise<void> {
  const { clock, actor, orderId, reason } = opts;
  const why = parseInput(cancelInput, { reason }).reason;
  await inTransaction(db, async (tx) => {
    const now = clock.now();
    if (!(await lockOrder(tx, orderId))) throw new AppError("NOT_FOUND");
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    if (order.opdId !== requireOwnOpdId(actor)) throw new AppError("NOT_FOUND"); // never reveal other OPDs' orders
    if (!CANCELLABLE_STATES.includes(order.status)) throw new AppError("INVALID_STATE", { status: order.status });
    const live = await tx.offer.findFirst({ where: { orderId, status: { in: ["PENDING", "ACCEPTED"] } } });
    if (live) {
      await lockVendors(tx, [live.vendorId]);
      await tx.offer.update({
        where: { id: live.id },
        data: { status: "WITHDRAWN", respondedAt: now, reason: `Dibatalkan OPD: ${why}` },
      });
      await notify(
        tx,
        { vendorId: live.vendorId },
        notice("order.cancelled", "orderCancelled", { number: order.number, reason: why }, "/vendor"),
        now,
      );
    }
    await transitionOrder(tx, {
      orderId,
      from: order.status,
      to: "CANCELLED",
      data: { cancelledAt: now, cancelReason: why },
    });
    await releaseBudget(tx, order.budgetId, order.total);
    await writeAudit(tx, actor, {
      action: "order.cancelled",
      entity: "Order",
      entityId: orderId,
      before: { status: order.status },
      after: { status: "CANCELLED", reason: why },
    });
  });
}
