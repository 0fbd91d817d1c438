/** The invoice and payment forms' fields, whose names a refusal may carry back (labels: messages → payments.fields). */
export const PAYMENT_FIELD_KEYS = [
  "amount",
  "bankName",
  "bankAccountNumber",
  "bankAccountName",
  "method",
  "paidOn",
  "reference",
  "gross",
  "taxWithheld",
  "reason",
  "decision",
  "note",
] as const;
