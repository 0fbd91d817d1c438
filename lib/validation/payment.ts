// What a vendor types on its invoice and a treasurer on a payment (issue 20). Shared by the forms, the import and the
// use cases; messages as refusal keys. The rules that need the order (how much is owed, the BAST's day) are in
// lib/domain/payment.ts paymentIssue.
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/text";
import { rupiahAmount } from "@/lib/validation/fields";
import { PAYMENT_METHODS } from "@/lib/domain/payment";
import { vm, type AmountName } from "@/lib/domain/validation-message";

const rupiah = (amount: AmountName) => rupiahAmount(amount, { max: 10_000_000_000, example: "1.250.000" });

/** The vendor's bank account, as on its passbook: bank, number (digits; spaces and dashes allowed), holder. */
export const bankAccountSchema = z.object({
  bankName: z.string().trim().min(2, vm("payment.bankName")).max(60, vm("payment.bankNameLong")),
  bankAccountNumber: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .refine((v) => /^\d{6,20}$/.test(v), vm("payment.accountNumber")),
  bankAccountName: z.string().trim().min(3, vm("payment.accountHolder")).max(100, vm("payment.accountHolderLong")),
});

export const invoiceSchema = bankAccountSchema
  .extend({
    amount: rupiah("invoiceAmount").refine((v) => v > 0, vm("payment.invoicePositive")),
    note: z.string().trim().max(500, vm("common.noteLong")).optional(),
  })
  .strict();

export const invoiceReviewSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("ACCEPT") }).strict(),
    z
      .object({
        decision: z.literal("RETURN"),
        reason: z
          .string({ message: vm("payment.returnReason") })
          .trim()
          .min(10, vm("payment.returnReasonShort"))
          .max(500, vm("common.reasonLong")),
      })
      .strict(),
  ],
  { message: vm("payment.reviewDecision") },
);

const day = z
  .string({ message: vm("payment.paidOn") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, vm("payment.paidOn"))
  .refine(isCalendarDay, vm("common.dateNotOnCalendar"));

export const paymentSchema = z
  .object({
    method: z.enum(PAYMENT_METHODS, { message: vm("payment.method") }),
    paidOn: day,
    reference: z
      .string()
      .trim()
      .max(80, vm("payment.referenceLong"))
      .optional()
      .transform((v) => (v ? v : null)),
    gross: rupiah("gross"),
    taxWithheld: rupiah("taxWithheld"),
    note: z
      .string()
      .trim()
      .max(500, vm("common.noteLong"))
      .optional()
      .transform((v) => (v ? v : null)),
    idempotencyKey: z.string().uuid().optional(),
  })
  .strict();

export const reversalSchema = z
  .object({
    reason: z
      .string({ message: vm("payment.reversalReason") })
      .trim()
      .min(10, vm("payment.reversalReasonShort"))
      .max(500, vm("common.reasonLong")),
  })
  .strict();
