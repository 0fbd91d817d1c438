// One schema for the order form and the server: Indonesian messages, integer rupiah.
import { z } from "zod";

export const orderInputSchema = z.object({
  idempotencyKey: z.string().trim().min(8, "Kunci pengajuan tidak valid").max(100),
  eventName: z.string().trim().min(3, "Nama kegiatan minimal 3 huruf").max(200, "Nama kegiatan terlalu panjang"),
  deliveryAt: z.coerce.date({ message: "Tanggal dan jam antar tidak valid" }),
  place: z.string().trim().min(3, "Tempat antar wajib diisi").max(300),
  contactName: z.string().trim().min(2, "Nama kontak wajib diisi").max(100),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(\+?62|0)8\d{7,12}$/, "Nomor HP tidak valid (contoh 081234567890)"),
  pax: z.coerce
    .number()
    .int("Jumlah porsi harus bilangan bulat")
    .min(1, "Minimal 1 porsi")
    .max(5000, "Maksimal 5.000 porsi per pesanan"),
  category: z.enum(["MAKAN", "KUDAPAN", "MINUMAN"], { message: "Pilih kategori menu" }),
  unitPrice: z.coerce
    .number()
    .int("Harga harus rupiah bulat")
    .min(1000, "Harga per porsi minimal Rp1.000")
    .max(10_000_000),
  accountCode: z
    .string()
    .trim()
    .regex(/^\d(\.\d{1,4}){5}$/, "Kode rekening tidak valid"),
  method: z.enum(["PENGADAAN_LANGSUNG", "E_PURCHASING"], { message: "Pilih metode pengadaan" }),
  notes: z.string().trim().max(1000).optional().nullable(),
});

export type OrderInput = z.infer<typeof orderInputSchema>;
