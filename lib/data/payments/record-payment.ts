// The OPD's treasurer records a payment of a delivered, invoiced order (issue 20): how (UP/GU, KKPD, LS via SP2D),
// when, the reference, the gross amount, the tax withheld (suggested from the vendor's tax basis) and so the net.
// Partial payments add up; more than is owed is refused. A second submission of the same form (its one-time key)
// records nothing twice. The vendor is told when money is recorded, and when the order is paid in full.
import type { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { paymentSchema } from "@/lib/validation/payment";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import {
  lockPayable,
  requireTreasurer,
  type LockedPayable,
  type PaymentActor,
} from "@/lib/data/payments/payable-access";
import { settlePayable } from "@/lib/data/payments/settle-payable";
import { outstanding, paymentIssue, type PaymentIssue } from "@/lib/domain/payment";
import { dayAsDate, wibDay } from "@/lib/format";
import { vm } from "@/lib/domain/validation-message";

export interface RecordPaymentOptions {
  clock: Clock;
  actor: PaymentActor;
  orderId: string;
  input: unknown;
}

export interface RecordedPayment {
  paymentId: string;
  paidInFull: boolean;
  /** True when this submission had already been recorded (the same form sent twice). */
  repeated: boolean;
}

/** The refusal in the treasurer's words (Indonesian; the form shows it beside the field). */
export function paymentIssueMessage(issue: PaymentIssue, ctx: { owed: number; bastDay: string }): string {
  switch (issue.code) {
    case "NOT_POSITIVE":
      return vm("payment.grossPositive");
    case "ABOVE_OUTSTANDING":
      return vm("payment.overOwed", { owed: { rp: ctx.owed } });
    case "OUT_OF_RANGE":
      return vm("payment.taxRange");
    case "REQUIRED":
      return vm("payment.referenceRequired");
    case "IN_FUTURE":
      return vm("payment.paidInFuture");
    case "BEFORE_BAST":
      return vm("payment.beforeBast", { bast: { day: ctx.bastDay } });
  }
}

export async function recordPayment(
  db: Db,
  { clock, actor, orderId, input: raw }: RecordPaymentOptions,
): Promise<RecordedPayment> {
  if (actor.role !== "OPD_STAFF") throw new AppError("FORBIDDEN");
  const input = parseInput(paymentSchema, raw);
  return inTransaction(db, async (tx) => {
    const p = await lockPayable(tx, orderId);
    await requireTreasurer(tx, actor, p);
    if (input.idempotencyKey) {
      const earlier = await tx.payment.findUnique({
        where: { recordedById_idempotencyKey: { recordedById: actor.id, idempotencyKey: input.idempotencyKey } },
      });
      if (earlier) {
        if (earlier.orderId !== orderId) throw new AppError("IDEMPOTENCY_MISMATCH");
        return { paymentId: earlier.id, paidInFull: p.paidGross >= p.amount, repeated: true };
      }
    }
    if (p.invoiceStatus !== "ACCEPTED") throw new AppError("INVALID_STATE", { status: p.invoiceStatus });
    const issue = paymentRefusal(p, input, clock.now());
    if (issue) throw new AppError("VALIDATION", { issues: { [issue.field]: [issue.message] } });
    return { ...(await recordPaymentInTx(tx, { now: clock.now(), actor, payable: p, input })), repeated: false };
  });
}

/**
 * Why this payment cannot be recorded against the (locked) payable, in the treasurer's words, or null: the invoice
 * must be accepted, and the payment fit (lib/domain/payment.ts paymentIssue). Shared by the form and the import.
 */
export function paymentRefusal(
  p: LockedPayable,
  input: Pick<PaymentInput, "gross" | "taxWithheld" | "method" | "reference" | "paidOn">,
  now: Date,
): { field: string; message: string } | null {
  if (p.invoiceStatus !== "ACCEPTED")
    return {
      field: "form",
      message: p.invoiceStatus === "SUBMITTED" ? vm("payment.invoiceNotReviewed") : vm("payment.noAcceptedInvoice"),
    };
  const owed = outstanding(p);
  const bastDay = wibDay(p.bastAt);
  const issue = paymentIssue({ ...input, bastDay, today: wibDay(now), owed });
  return issue ? { field: issue.field, message: paymentIssueMessage(issue, { owed, bastDay }) } : null;
}

export type PaymentInput = z.infer<typeof paymentSchema>;

/**
 * Writes a checked payment against the locked payable: the row, the payable's sums, the audit row and the vendor's
 * notice. The caller checked it (paymentRefusal) in the same transaction.
 */
export async function recordPaymentInTx(
  tx: Tx,
  {
    now,
    actor,
    payable: p,
    input,
    via,
  }: { now: Date; actor: PaymentActor; payable: LockedPayable; input: PaymentInput; via?: "import" },
): Promise<Omit<RecordedPayment, "repeated">> {
  const payment = await tx.payment.create({
    data: {
      orderId: p.orderId,
      method: input.method,
      paidOn: dayAsDate(input.paidOn),
      reference: input.reference,
      gross: BigInt(input.gross),
      taxWithheld: BigInt(input.taxWithheld),
      net: BigInt(input.gross - input.taxWithheld),
      note: input.note,
      recordedById: actor.id,
      recordedAt: now,
      idempotencyKey: input.idempotencyKey ?? null,
    },
  });
  const settled = await settlePayable(tx, p.orderId);
  const paidInFull = settled.paidOn !== null;
  await writeAudit(tx, actor, {
    action: "payment.recorded",
    entity: "Order",
    entityId: p.orderId,
    before: { paidGross: p.paidGross },
    after: {
      payment: payment.id,
      method: input.method,
      paidOn: input.paidOn,
      reference: input.reference,
      gross: input.gross,
      taxWithheld: input.taxWithheld,
      paidGross: settled.paidGross,
      paidInFull,
      ...(via ? { via } : {}),
    },
  });
  const net = input.gross - input.taxWithheld;
  await notify(
    tx,
    { vendorId: p.vendorId },
    notice(
      "payment.recorded",
      paidInFull ? "paymentRecordedInFull" : "paymentRecorded",
      {
        number: p.orderNumber,
        opd: p.opdName,
        net: { rp: Number(net) },
        tax: { rp: Number(input.taxWithheld) },
        paidOn: { day: input.paidOn },
      },
      "/vendor/money",
    ),
    now,
  );
  // The payable as it now stands, for a caller recording several payments in one transaction (the import).
  p.paidGross = settled.paidGross;
  return { paymentId: payment.id, paidInFull };
}
