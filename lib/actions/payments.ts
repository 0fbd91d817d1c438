"use server";
// Getting paid (issue 20), as plain form posts: the vendor's invoice, the OPD's check of it, the treasurer's payment
// and its reversal. authenticate → parse (inside the use cases) → use case → redirect with the outcome in the URL
// (a refusal names the field and the reason, lib/actions/form-action.ts).
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { idField, opdActor, runAndRedirect, vendorActor, textField } from "@/lib/actions/form-action";
import { submitInvoice } from "@/lib/data/payments/submit-invoice";
import { reviewInvoice } from "@/lib/data/payments/review-invoice";
import { recordPayment } from "@/lib/data/payments/record-payment";
import { reversePayment } from "@/lib/data/payments/reverse-payment";
import { commitPaymentImport } from "@/lib/data/payments/import-payments/commit-payment-import";
import { previewPaymentImport } from "@/lib/data/payments/import-payments/preview-payment-import";
import { readPaymentSheet } from "@/lib/documents/payment-import-files";
import { runImportStep } from "@/lib/actions/import-flow";
import type { ImportState } from "@/lib/actions/import-state";

const text = textField;

/** The vendor invoices a delivered order from its phone (the money page). */
export async function submitInvoiceAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const orderId = idField(formData, "orderId", "/vendor/money?error=NOT_FOUND");
  const input = {
    amount: text(formData, "amount"),
    bankName: text(formData, "bankName"),
    bankAccountNumber: text(formData, "bankAccountNumber"),
    bankAccountName: text(formData, "bankAccountName"),
    note: text(formData, "note") || undefined,
  };
  await runAndRedirect(
    "/vendor/money",
    "/vendor",
    () => submitInvoice(db(), { clock: systemClock, actor, orderId, input }),
    "invoiced",
  );
}

/** The OPD accepts the vendor's invoice, or returns it with a reason. */
export async function reviewInvoiceAction(formData: FormData): Promise<void> {
  const actor = await opdActor();
  const orderId = idField(formData, "orderId", "/opd/orders");
  const decision = text(formData, "decision");
  const input = decision === "RETURN" ? { decision, reason: text(formData, "reason") ?? "" } : { decision };
  await runAndRedirect(
    `/opd/orders/${orderId}`,
    "/opd",
    () => reviewInvoice(db(), { clock: systemClock, actor, orderId, input }),
    decision === "RETURN" ? "invoiceReturned" : "invoiceAccepted",
  );
}

/** The treasurer records a payment (or part of one). */
export async function recordPaymentAction(formData: FormData): Promise<void> {
  const actor = await opdActor();
  const orderId = idField(formData, "orderId", "/opd/orders");
  const input = {
    method: text(formData, "method"),
    paidOn: text(formData, "paidOn"),
    reference: text(formData, "reference") || undefined,
    gross: text(formData, "gross"),
    taxWithheld: text(formData, "taxWithheld"),
    note: text(formData, "note") || undefined,
    idempotencyKey: text(formData, "idempotencyKey") || undefined,
  };
  await runAndRedirect(
    `/opd/orders/${orderId}`,
    "/opd",
    () => recordPayment(db(), { clock: systemClock, actor, orderId, input }),
    "paid",
  );
}

/** The treasurer reverses a payment recorded by mistake, with the reason. */
export async function reversePaymentAction(formData: FormData): Promise<void> {
  const actor = await opdActor();
  const orderId = idField(formData, "orderId", "/opd/orders");
  const paymentId = idField(formData, "paymentId", `/opd/orders/${orderId}?error=NOT_FOUND`);
  const input = { reason: text(formData, "reason") ?? "" };
  await runAndRedirect(
    `/opd/orders/${orderId}`,
    "/opd",
    () => reversePayment(db(), { clock: systemClock, actor, paymentId, input }),
    "reversed",
  );
}

/** The treasurer's payments from a spreadsheet: upload → row-by-row report → record all (lib/actions/import-flow.ts). */
export async function paymentsImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await opdActor();
  return runImportStep(
    {
      namespace: "paymentImport",
      read: readPaymentSheet,
      preview: (rows) => previewPaymentImport(db(), { clock: systemClock, actor, rows }),
      commit: (rows) => commitPaymentImport(db(), { clock: systemClock, actor, rows }),
      revalidate: ["/opd/payments", "/dashboard"],
    },
    formData,
  );
}
