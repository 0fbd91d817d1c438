// The treasurer's payments in bulk (issue 20), from the spreadsheet a treasurer already keeps (Excel or CSV: order
// number, date paid, method, reference, amount, optionally the tax withheld and a note). Every row is checked as the
// payment form checks it (lib/data/payments/record-payment.ts paymentRefusal), with the rows for one order added up
// in file order; an import writes nothing unless every row is valid, then records every payment in one transaction
// (each with its audit row and the vendor's notice) and one summary audit row. Only the treasurer's own OPD's orders.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ImportReport, ImportReportRow } from "@/lib/actions/import-state";
import { lockPayable, type LockedPayable, type PaymentActor } from "@/lib/data/payments/payable-access";
import { paymentRefusal, type PaymentInput } from "@/lib/data/payments/record-payment";
import { parseDay, parseIndonesianInteger } from "@/lib/domain/indonesian-input";
import { suggestedWithholding } from "@/lib/domain/payment";
import { taxBasisOf } from "@/lib/domain/tax";
import type { PaymentMethod } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

export const MAX_PAYMENT_ROWS = 5_000;

const rowsSchema = z
  .object({ row: z.number().int().min(1) })
  .catchall(z.string().max(1000))
  .array()
  .max(MAX_PAYMENT_ROWS);

/** How treasurers write the method: "LS", "UP/GU", "UP", "GU", "KKPD" (any case, spaces ignored). */
export function parseMethod(text: string): PaymentMethod | null {
  const t = text.replace(/\s+/g, "").toUpperCase();
  if (t === "LS" || t === "SP2D") return "LS";
  if (t === "KKPD") return "KKPD";
  if (t === "UP/GU" || t === "UP" || t === "GU" || t === "UPGU" || t === "UP-GU") return "UP_GU";
  return null;
}

export interface Checked {
  report: ImportReport;
  rows: { orderId: string; input: PaymentInput }[];
}

const FIELD_WORDS: Record<string, string> = {
  gross: "Jumlah",
  taxWithheld: "Pajak",
  reference: "Nomor referensi",
  paidOn: "Tanggal bayar",
  form: "Pesanan",
};

export async function checkPaymentRows(
  tx: Tx,
  actor: PaymentActor,
  raw: unknown,
  now: Date,
): Promise<Checked & { payables: Map<string, LockedPayable> }> {
  const parsed = rowsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", { issues: { file: [vm("import.unknownData")] } });
  if (parsed.data.length === 0) throw new AppError("VALIDATION", { issues: { file: [vm("import.noRows")] } });
  const numbers = [...new Set(parsed.data.map((r) => String(r.order ?? "").trim()).filter(Boolean))];
  const orders = await tx.order.findMany({
    where: { number: { in: numbers }, opdId: actor.opdId ?? "" },
    select: { id: true, number: true, vendor: { select: { name: true, hasPp55: true, npwp: true } } },
    orderBy: { id: "asc" },
  });
  const byNumber = new Map(orders.map((o) => [o.number, o]));
  // The payables as they stand (locked, in id order), then as the file's earlier rows leave them.
  const payables = new Map<string, LockedPayable>();
  for (const o of orders) {
    try {
      payables.set(o.id, await lockPayable(tx, o.id));
    } catch (e) {
      if (!(e instanceof AppError && e.code === "NOT_FOUND")) throw e;
    }
  }
  const report: ImportReportRow[] = [];
  const rows: Checked["rows"] = [];
  const running = new Map<string, LockedPayable>();
  for (const r of parsed.data) {
    const errors: string[] = [];
    const number = String(r.order ?? "").trim();
    const order = byNumber.get(number);
    const p = order ? payables.get(order.id) : undefined;
    if (!number) errors.push(`Nomor pesanan: ${vm("import.required")}`);
    else if (!order) errors.push(`Nomor pesanan: ${vm("import.notYourOrder", { number })}`);
    else if (!p) errors.push(`Pesanan: ${vm("import.noBast")}`);
    const day = parseDay(String(r.date ?? ""));
    if (!day) errors.push(`Tanggal bayar: ${vm("import.day", { example: "2026-06-20", exampleLocal: "20/06/2026" })}`);
    const method = parseMethod(String(r.method ?? ""));
    if (!method) errors.push(`Cara bayar: ${vm("import.paymentMethod", { value: String(r.method ?? "") })}`);
    const gross = parseIndonesianInteger(String(r.amount ?? "").trim());
    if (typeof gross !== "number" || !Number.isSafeInteger(gross) || gross <= 0)
      errors.push(`Jumlah: ${vm("import.amount")}`);
    const taxText = String(r.tax ?? "").trim();
    const taxTyped = taxText === "" ? null : parseIndonesianInteger(taxText);
    if (taxTyped !== null && (typeof taxTyped !== "number" || !Number.isSafeInteger(taxTyped) || taxTyped < 0))
      errors.push(`Pajak dipotong: ${vm("import.taxWithheld")}`);
    const reference = String(r.reference ?? "").trim() || null;
    if (reference && reference.length > 80) errors.push(`Nomor referensi: ${vm("import.tooLong", { max: 80 })}`);
    const note = String(r.note ?? "").trim() || null;
    if (note && note.length > 500) errors.push(`Catatan: ${vm("import.tooLong", { max: 500 })}`);
    if (errors.length === 0 && order && p && day && method && typeof gross === "number") {
      const tax = typeof taxTyped === "number" ? taxTyped : suggestedWithholding(gross, taxBasisOf(order.vendor!));
      const input: PaymentInput = { method, paidOn: day, reference, gross, taxWithheld: tax, note };
      const current = running.get(order.id) ?? { ...p };
      const refusal = paymentRefusal(current, input, now);
      if (refusal) errors.push(`${FIELD_WORDS[refusal.field] ?? refusal.field}: ${refusal.message}`);
      else {
        running.set(order.id, { ...current, paidGross: current.paidGross + gross });
        rows.push({ orderId: order.id, input });
      }
    }
    report.push({ row: r.row, code: number, name: order?.vendor?.name ?? "", errors });
  }
  const invalid = report.filter((r) => r.errors.length > 0).length;
  return { report: { rows: report, valid: report.length - invalid, invalid }, rows, payables };
}
