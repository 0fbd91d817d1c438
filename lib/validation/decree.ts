// A decree's header and allocation matrix as admins enter them; messages in Bahasa Indonesia.
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/text";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal tidak valid")
  .refine(isCalendarDay, "Tanggal tidak ada di kalender");
const optionalDay = day
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();

export const decreeHeaderSchema = z
  .object({
    number: z.string().trim().min(3, "Nomor SK minimal 3 huruf").max(100),
    title: z.string().trim().min(5, "Judul minimal 5 huruf").max(300),
    signedOn: optionalDay,
    effectiveFrom: day,
    effectiveTo: optionalDay,
    notes: z
      .string()
      .trim()
      .max(2000)
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
  })
  .strict()
  .refine((d) => !d.effectiveTo || d.effectiveTo >= d.effectiveFrom, {
    message: "Tanggal berakhir tidak boleh sebelum tanggal mulai",
    path: ["effectiveTo"],
  });
export type DecreeHeader = z.infer<typeof decreeHeaderSchema>;

/** The grid as posted: "opdId:vendorId" pairs that are ticked. */
export const allocationPairsSchema = z
  .array(z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/, "Sel tidak dikenal"))
  .max(100_000);
