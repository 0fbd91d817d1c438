// What a vendor types on its invoice and a treasurer on a payment (issue 20). Shared by the forms, the import and the
// use cases; messages in Bahasa Indonesia. The rules that need the order (how much is owed, the BAST's day) are in
// lib/domain/payment.ts paymentIssue.
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/text";
import { indonesianNumber } from "@/lib/validation/fields";
import { PAYMENT_METHODS } from "@/lib/domain/payment";

const rupiah = (what: string) =>
  indonesianNumber(
    z
      .number({ message: `${what} harus berupa angka (contoh 1.250.000)` })
      .int(`${what} dalam rupiah bulat`)
      .min(0, `${what} tidak boleh negatif`)
      .max(10_000_000_000, `${what} terlalu besar`),
  );

/** The vendor's bank account, as on its passbook: bank, number (digits; spaces and dashes allowed), holder. */
export const bankAccountSchema = z.object({
  bankName: z.string().trim().min(2, "Tulis nama bank (contoh: Bank Jatim)").max(60, "Nama bank terlalu panjang"),
  bankAccountNumber: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .refine((v) => /^\d{6,20}$/.test(v), "Nomor rekening 6–20 angka"),
  bankAccountName: z
    .string()
    .trim()
    .min(3, "Tulis nama pemilik rekening seperti di buku tabungan")
    .max(100, "Nama pemilik rekening terlalu panjang"),
});

export const invoiceSchema = bankAccountSchema
  .extend({
    amount: rupiah("Jumlah tagihan").refine((v) => v > 0, "Jumlah tagihan harus lebih dari 0"),
    note: z.string().trim().max(500, "Catatan terlalu panjang").optional(),
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
          .string({ message: "Tulis alasan pengembalian" })
          .trim()
          .min(10, "Tulis alasan pengembalian (minimal 10 huruf) agar UMKM tahu apa yang harus diperbaiki")
          .max(500, "Alasan terlalu panjang"),
      })
      .strict(),
  ],
  { message: "Pilih: terima tagihan atau kembalikan" },
);

const day = z
  .string({ message: "Tanggal bayar tidak valid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal bayar tidak valid")
  .refine(isCalendarDay, "Tanggal tidak ada di kalender");

export const paymentSchema = z
  .object({
    method: z.enum(PAYMENT_METHODS, { message: "Pilih cara bayar (UP/GU, KKPD atau LS)" }),
    paidOn: day,
    reference: z
      .string()
      .trim()
      .max(80, "Nomor referensi terlalu panjang")
      .optional()
      .transform((v) => (v ? v : null)),
    gross: rupiah("Jumlah dibayar"),
    taxWithheld: rupiah("Pajak dipotong"),
    note: z
      .string()
      .trim()
      .max(500, "Catatan terlalu panjang")
      .optional()
      .transform((v) => (v ? v : null)),
    idempotencyKey: z.string().uuid().optional(),
  })
  .strict();

export const reversalSchema = z
  .object({
    reason: z
      .string({ message: "Tulis alasan pembatalan" })
      .trim()
      .min(10, "Tulis alasan pembatalan (minimal 10 huruf)")
      .max(500, "Alasan terlalu panjang"),
  })
  .strict();
