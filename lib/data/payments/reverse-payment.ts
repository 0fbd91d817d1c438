// The treasurer corrects a payment by reversing it (issue 20): a new row with the negative amounts and the reason,
// never a change to the first (a trigger refuses UPDATE on payments). A payment is reversed once; a reversal is not
// reversed (record the payment again instead). The payable's sums and paid day follow; the vendor is told.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { reversalSchema } from "@/lib/validation/payment";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import { lockPayable, requireTreasurer, type PaymentActor } from "@/lib/data/payments/payable-access";
import { settlePayable } from "@/lib/data/payments/settle-payable";
import { wibDay, dayAsDate } from "@/lib/format";

export interface ReversePaymentOptions {
  clock: Clock;
  actor: PaymentActor;
  paymentId: string;
  input: unknown;
}

export async function reversePayment(
  db: Db,
  { clock, actor, paymentId, input: raw }: ReversePaymentOptions,
): Promise<{ reversalId: string; orderId: string }> {
  if (actor.role !== "OPD_STAFF") throw new AppError("FORBIDDEN");
  const input = parseInput(reversalSchema, raw);
  return inTransaction(db, async (tx) => {
    const first = await tx.payment.findUnique({ where: { id: paymentId }, select: { orderId: true } });
    if (!first) throw new AppError("NOT_FOUND");
    const p = await lockPayable(tx, first.orderId);
    await requireTreasurer(tx, actor, p);
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { reversal: true } });
    if (payment.reversesId) throw new AppError("INVALID_STATE", { status: "REVERSAL" });
    if (payment.reversal) throw new AppError("INVALID_STATE", { status: "REVERSED" });
    const now = clock.now();
    const reversal = await tx.payment.create({
      data: {
        orderId: payment.orderId,
        method: payment.method,
        paidOn: dayAsDate(wibDay(now)),
        reference: payment.reference,
        gross: -payment.gross,
        taxWithheld: -payment.taxWithheld,
        net: -payment.net,
        note: input.reason,
        reversesId: payment.id,
        recordedById: actor.id,
        recordedAt: now,
      },
    });
    const settled = await settlePayable(tx, payment.orderId);
    await writeAudit(tx, actor, {
      action: "payment.reversed",
      entity: "Order",
      entityId: payment.orderId,
      before: { payment: payment.id, gross: payment.gross, paidGross: p.paidGross },
      after: { reversal: reversal.id, reason: input.reason, paidGross: settled.paidGross },
    });
    await notify(
      tx,
      { vendorId: p.vendorId },
      notice(
        "payment.reversed",
        "paymentReversed",
        { number: p.orderNumber, opd: p.opdName, amount: { rp: Number(payment.net) }, reason: input.reason },
        "/vendor/money",
      ),
      now,
    );
    return { reversalId: reversal.id, orderId: payment.orderId };
  });
}
