// One schema for the order form and the server: Indonesian messages, integer rupiah.
import { z } from "zod";
import { indonesianNumber, phoneField } from "@/lib/validation/fields";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

export const orderInputSchema = z.object({
  idempotencyKey: z.string().trim().min(8, "Kunci pengajuan tidak valid").max(100),
  eventName: z.string().trim().min(3, "Nama kegiatan minimal 3 huruf").max(200, "Nama kegiatan terlalu panjang"),
  deliveryAt: z.coerce.date({ message: "Tanggal dan jam antar tidak valid" }),
  place: z.string().trim().min(3, "Tempat antar wajib diisi").max(300),
  contactName: z.string().trim().min(2, "Nama kontak wajib diisi").max(100),
  contactPhone: phoneField("Nomor HP tidak valid (contoh 0812 3456 7890)", { mobile: true }),
  pax: indonesianNumber(
    z
      .number({ message: "Isi jumlah porsi dengan angka (contoh 50 atau 1.000)" })
      .int("Jumlah porsi harus bilangan bulat")
      .min(1, "Minimal 1 porsi")
      .max(5000, "Maksimal 5.000 porsi per pesanan"),
  ),
  category: z.enum(MENU_CATEGORIES, { message: "Pilih kategori menu" }),
  unitPrice: indonesianNumber(
    z
      .number({ message: "Isi harga dengan angka (contoh 20.000)" })
      .int("Harga harus rupiah bulat")
      .min(1000, "Harga per porsi minimal Rp1.000")
      .max(10_000_000, "Harga per porsi terlalu besar"),
  ),
  accountCode: z
    .string()
    .trim()
    .regex(/^\d(\.\d{1,4}){5}$/, "Kode rekening tidak valid"),
  method: z.enum(["PENGADAAN_LANGSUNG", "E_PURCHASING"], { message: "Pilih metode pengadaan" }),
  notes: z.string().trim().max(1000).optional().nullable(),
  /** The OPD confirmed an unusually large order (lib/domain/order-size.ts). */
  confirmLarge: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).optional(),
});

export type OrderInput = z.infer<typeof orderInputSchema>;
