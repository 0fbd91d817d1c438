// What a vendor may change about itself (the rest — status, documents, e-Katalog — is the admins').
// Shared by the forms and the use cases; messages in Bahasa Indonesia.
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/text";
import { indonesianNumber, phoneField } from "@/lib/validation/fields";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

export const vendorContactSchema = z
  .object({
    whatsapp: phoneField("Nomor WhatsApp tidak valid (contoh: 0812 3456 7890)"),
    dailyCapacityPax: indonesianNumber(
      z
        .number({ message: "Kapasitas harus berupa angka" })
        .int("Kapasitas harus bilangan bulat")
        .min(1, "Kapasitas minimal 1 porsi per hari")
        .max(5000, "Kapasitas paling banyak 5.000 porsi per hari"),
    ),
    // Where offers and notices can also go by e-mail; empty = none.
    email: z
      .string()
      .trim()
      .max(200)
      .refine(
        (v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
        "Alamat e-mail tidak valid (contoh: dapur@contoh.id)",
      )
      .transform((v) => (v === "" ? null : v.toLowerCase()))
      .optional(),
    version: z.coerce.number().int().min(1),
  })
  .strict();

export const menuItemSchema = z
  .object({
    id: z.string().uuid().optional(),
    category: z.enum(MENU_CATEGORIES, { message: "Pilih kategori menu" }),
    name: z.string().trim().min(3, "Nama menu minimal 3 huruf").max(100, "Nama menu terlalu panjang"),
    description: z.string().trim().max(300, "Keterangan terlalu panjang").optional(),
    pricePerPax: indonesianNumber(
      z
        .number({ message: "Harga harus berupa angka (contoh 25.000)" })
        .int("Harga dalam rupiah bulat")
        .min(1000, "Harga minimal Rp1.000")
        .max(1_000_000, "Harga paling tinggi Rp1.000.000 per porsi"),
    ),
    active: z.boolean(),
  })
  .strict();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal tidak valid")
  .refine(isCalendarDay, "Tanggal tidak ada di kalender");
export const unavailableDaySchema = z
  .object({ day, reason: z.string().trim().max(200, "Alasan terlalu panjang").optional() })
  .strict();
export const removeUnavailableDaySchema = z.object({ day }).strict();
