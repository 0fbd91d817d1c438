// The ordering OPD checks the vendor's invoice (issue 20): accepts it (payment may be recorded from then on, and
// invoice → paid is counted from its submission) or returns it with a reason the vendor reads, after which the
// vendor submits a corrected one. The vendor is told either way.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { invoiceReviewSchema } from "@/lib/validation/payment";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import { lockPayable, requireOwnOpd, type PaymentActor } from "@/lib/data/payments/payable-access";

export interface ReviewInvoiceOptions {
  clock: Clock;
  actor: PaymentActor;
  orderId: string;
  input: unknown;
}

export async function reviewInvoice(
  db: Db,
  { clock, actor, orderId, input: raw }: ReviewInvoiceOptions,
): Promise<{ decision: "ACCEPT" | "RETURN" }> {
  if (actor.role !== "OPD_STAFF") throw new AppError("FORBIDDEN");
  const input = parseInput(invoiceReviewSchema, raw);
  return inTransaction(db, async (tx) => {
    const p = await lockPayable(tx, orderId);
    requireOwnOpd(actor, p);
    if (p.invoiceStatus !== "SUBMITTED") throw new AppError("INVALID_STATE", { status: p.invoiceStatus });
    const invoice = await tx.invoice.findFirstOrThrow({ where: { orderId, status: "SUBMITTED" } });
    const now = clock.now();
    const accepted = input.decision === "ACCEPT";
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        status: accepted ? "ACCEPTED" : "RETURNED",
        reviewedAt: now,
        reviewedById: actor.id,
        returnReason: accepted ? null : input.reason,
      },
    });
    await tx.payable.update({
      where: { orderId },
      data: {
        invoiceStatus: accepted ? "ACCEPTED" : "RETURNED",
        invoicedAt: accepted ? invoice.submittedAt : null,
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, actor, {
      action: accepted ? "invoice.accepted" : "invoice.returned",
      entity: "Order",
      entityId: orderId,
      before: { invoice: invoice.number, status: "SUBMITTED" },
      after: accepted ? { status: "ACCEPTED" } : { status: "RETURNED", reason: input.reason },
    });
    await notify(
      tx,
      { vendorId: p.vendorId },
      accepted
        ? notice("invoice.accepted", "invoiceAccepted", { invoice: invoice.number, opd: p.opdName }, "/vendor/money")
        : notice(
            "invoice.returned",
            "invoiceReturned",
            { invoice: invoice.number, reason: input.reason ?? "" },
            "/vendor/money",
          ),
      now,
    );
    return { decision: input.decision };
  });
}
