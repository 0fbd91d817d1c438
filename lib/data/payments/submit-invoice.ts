// The vendor invoices a delivered order (issue 20): the amount is what the BAST says is still owed (prefilled; any
// other figure refused), its bank account from its profile (a changed account is saved to the profile too, audited), a kuitansi
// number, and whether the kuitansi needs an e-meterai. One invoice under review or accepted per order (a partial
// unique index): a double tap or a second phone submits one. The OPD's staff are told.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { invoiceSchema } from "@/lib/validation/payment";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import { getSettings } from "@/lib/data/settings/get-settings";
import { lockPayable, requireOwnVendor, type PaymentActor } from "@/lib/data/payments/payable-access";
import { mayInvoice, meteraiRequired, outstanding } from "@/lib/domain/payment";
import { vm } from "@/lib/domain/validation-message";

export interface SubmitInvoiceOptions {
  clock: Clock;
  actor: PaymentActor;
  orderId: string;
  input: unknown;
}

export async function submitInvoice(
  db: Db,
  { clock, actor, orderId, input: raw }: SubmitInvoiceOptions,
): Promise<{ invoiceId: string; number: string }> {
  if (actor.role !== "VENDOR") throw new AppError("FORBIDDEN");
  const input = parseInput(invoiceSchema, raw);
  try {
    return await inTransaction(db, async (tx) => {
      const p = await lockPayable(tx, orderId);
      const vendorId = requireOwnVendor(actor, p);
      if (!mayInvoice(p)) throw new AppError("INVALID_STATE", { status: p.invoiceStatus });
      const owed = outstanding(p);
      // The kuitansi is for what the BAST says is still owed: the treasurer pays against it, so it is neither more nor
      // less (a lower figure would leave the order owing forever; a higher one is not owed).
      if (input.amount !== owed)
        throw new AppError("VALIDATION", {
          issues: { amount: [vm("payment.invoiceMustEqualOwed", { owed: { rp: owed } })] },
        });
      const now = clock.now();
      const settings = await getSettings(tx);
      const count = await tx.invoice.count({ where: { orderId } });
      const number = `KW-${p.orderNumber}-${count + 1}`;
      const vendor = await tx.vendor.findUniqueOrThrow({
        where: { id: vendorId },
        select: { bankName: true, bankAccountNumber: true, bankAccountName: true },
      });
      const bank = {
        bankName: input.bankName,
        bankAccountNumber: input.bankAccountNumber,
        bankAccountName: input.bankAccountName,
      };
      const bankChanged =
        vendor.bankName !== bank.bankName ||
        vendor.bankAccountNumber !== bank.bankAccountNumber ||
        vendor.bankAccountName !== bank.bankAccountName;
      if (bankChanged) {
        await tx.vendor.update({ where: { id: vendorId }, data: { ...bank, version: { increment: 1 } } });
        await writeAudit(tx, actor, {
          action: "vendor.bank_account_updated",
          entity: "Vendor",
          entityId: vendorId,
          before: vendor,
          after: bank,
        });
      }
      const invoice = await tx.invoice.create({
        data: {
          orderId,
          number,
          amount: BigInt(input.amount),
          ...bank,
          note: input.note || null,
          meteraiRequired: meteraiRequired(input.amount, settings.meteraiThreshold),
          status: "SUBMITTED",
          submittedAt: now,
          submittedById: actor.id,
        },
      });
      await tx.payable.update({
        where: { orderId },
        data: { invoiceStatus: "SUBMITTED", invoicedAt: null, version: { increment: 1 } },
      });
      await writeAudit(tx, actor, {
        action: "invoice.submitted",
        entity: "Order",
        entityId: orderId,
        before: { invoiceStatus: p.invoiceStatus },
        after: { invoice: number, amount: input.amount, meteraiRequired: invoice.meteraiRequired },
      });
      await notify(
        tx,
        { opdId: p.opdId },
        notice(
          "invoice.submitted",
          "invoiceSubmitted",
          { invoice: number, eventName: p.eventName, amount: { rp: Number(input.amount) } },
          `/opd/orders/${orderId}`,
        ),
        now,
      );
      return { invoiceId: invoice.id, number };
    });
  } catch (e) {
    // Two submissions at once: the second meets the first's invoice.
    if (isUniqueViolation(e)) throw new AppError("INVALID_STATE", { status: "SUBMITTED" });
    throw e;
  }
}
