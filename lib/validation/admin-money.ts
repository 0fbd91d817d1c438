// OPDs, their staff accounts, budgets (pagu) and price ceilings as admins enter them.
import { z } from "zod";
import { indonesianNumber, phoneField } from "@/lib/validation/fields";
import { initialPasswordSchema, usernameSchema } from "@/lib/validation/account";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { normalizeNip } from "@/lib/domain/letters";

export const opdSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, "Kode 2–30 huruf besar, angka atau tanda hubung"),
    name: z.string().trim().min(5, "Nama OPD minimal 5 huruf").max(200),
    address: z
      .string()
      .trim()
      .max(300)
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    headName: z
      .string()
      .trim()
      .max(120)
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    // The signing official's NIP, typed with or without spaces ("19800101 200501 1 001"), kept as its 18 digits.
    headNip: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const nip = normalizeNip(v);
        if (!nip) {
          ctx.addIssue({ code: "custom", message: "NIP 18 angka, contoh 19800101 200501 1 001" });
          return z.NEVER;
        }
        return nip;
      })
      .nullable()
      .optional(),
    headTitle: z
      .string()
      .trim()
      .max(150, "Jabatan paling panjang 150 huruf")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    // The office phone, read the Indonesian way (lib/validation/fields.ts); empty = none.
    phone: z
      .literal("")
      .transform(() => null)
      .or(phoneField("Nomor telepon tidak valid (contoh: 0321 321234)"))
      .nullable()
      .optional(),
  })
  .strict();

export const staffSchema = z
  .object({
    username: usernameSchema,
    name: z.string().trim().min(3, "Nama minimal 3 huruf").max(120),
    email: z
      .string()
      .trim()
      .email("Alamat e-mail tidak valid")
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    password: initialPasswordSchema,
  })
  .strict();

const rupiah = (label: string) =>
  indonesianNumber(
    z
      .number({ message: `${label} harus berupa angka (contoh 25.000.000)` })
      .int(`${label} dalam rupiah bulat`)
      .min(0, `${label} tidak boleh negatif`)
      .max(1_000_000_000_000, `${label} terlalu besar`),
  );

export const budgetSchema = z
  .object({
    fiscalYear: z.coerce.number().int().min(2020, "Tahun anggaran tidak valid").max(2100, "Tahun anggaran tidak valid"),
    accountCode: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+){3,6}$/, "Kode rekening seperti 5.1.02.01.01.0052"),
    accountName: z.string().trim().min(3, "Isi nama rekening").max(200),
    pagu: rupiah("Pagu"),
  })
  .strict();

export const ceilingSchema = z
  .object({
    category: z.enum(MENU_CATEGORIES, { message: "Pilih kategori" }),
    fiscalYear: z.coerce.number().int().min(2020, "Tahun anggaran tidak valid").max(2100, "Tahun anggaran tidak valid"),
    maxPerPax: rupiah("Batas harga").pipe(z.number().min(1000, "Batas harga minimal Rp1.000")),
    basis: z
      .string()
      .trim()
      .max(200)
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
  })
  .strict();
