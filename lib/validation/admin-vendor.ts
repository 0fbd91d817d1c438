// What an admin records about a UMKM: identity and contact, its documents, the e-Katalog checklist and
// the owner's login. Shared by the forms and the use cases; messages in Bahasa Indonesia.
import { z } from "zod";
import { findKecamatan, findKelurahan, KELURAHAN } from "@/lib/domain/wilayah";
import { isCalendarDay } from "@/lib/domain/text";
import { identityNumberField } from "@/lib/domain/vendor";
import { initialPasswordSchema, usernameSchema } from "@/lib/validation/account";
import { indonesianNumber, phoneField } from "@/lib/validation/fields";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal tidak valid")
  .refine(isCalendarDay, "Tanggal tidak ada di kalender")
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();

/** The text fields the vendor form posts (checkboxes apart), in form order. */
export const VENDOR_FORM_FIELDS = [
  "code",
  "name",
  "ownerName",
  "nib",
  "npwp",
  "address",
  "kelurahan",
  "kecamatan",
  "whatsapp",
  "email",
  "dailyCapacityPax",
] as const;

export const vendorSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "Kode 2–20 huruf besar, angka atau tanda hubung"),
    name: z.string().trim().min(3, "Nama usaha minimal 3 huruf").max(120),
    ownerName: z.string().trim().min(3, "Nama pemilik minimal 3 huruf").max(120),
    nib: z
      .string()
      .trim()
      .regex(/^\d{13}$/, "NIB terdiri dari 13 angka")
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    npwp: z
      .string()
      .trim()
      .refine((v) => v === "" || [15, 16].includes(v.replace(/\D/g, "").length), "NPWP terdiri dari 15 atau 16 angka")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    address: z.string().trim().min(5, "Alamat minimal 5 huruf").max(300),
    // One of the city's 18 kelurahan (lib/domain/wilayah.ts), written as the list spells it.
    kelurahan: z
      .string()
      .trim()
      .min(1, "Pilih kelurahan")
      .max(80)
      .transform((v, ctx) => {
        const found = findKelurahan(v);
        if (!found) {
          ctx.addIssue({
            code: "custom",
            // The city's names only, never the text given: this message can travel in a link (lib/domain/form-message.ts).
            message: `Kelurahan tidak ada di Kota Mojokerto; pilih salah satu: ${KELURAHAN.map((k) => k.kelurahan).join(", ")}`,
          });
          return z.NEVER;
        }
        return found.kelurahan;
      }),
    // Follows from the kelurahan; when given (an import's column), it must agree.
    kecamatan: z.string().trim().max(80).optional(),
    whatsapp: phoneField("Nomor WhatsApp tidak valid (contoh: 0812 3456 7890)"),
    email: z
      .string()
      .trim()
      .email("Alamat e-mail tidak valid")
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    dailyCapacityPax: indonesianNumber(
      z
        .number({ message: "Kapasitas harus berupa angka" })
        .int("Kapasitas harus bilangan bulat")
        .min(1, "Kapasitas minimal 1 porsi per hari")
        .max(5000, "Kapasitas paling banyak 5.000 porsi per hari"),
    ),
    hasPp55: checkbox,
  })
  .strict()
  .transform((v, ctx) => {
    const kecamatan = findKelurahan(v.kelurahan)!.kecamatan;
    if (v.kecamatan && findKecamatan(v.kecamatan) !== kecamatan) {
      ctx.addIssue({
        code: "custom",
        path: ["kecamatan"],
        message: `Kelurahan ${v.kelurahan} ada di Kecamatan ${kecamatan}`,
      });
      return z.NEVER;
    }
    return { ...v, kecamatan };
  });
export type VendorInput = z.infer<typeof vendorSchema>;

export const versionSchema = z.coerce.number().int().min(1);

export const ekatalogSchema = z
  .object({
    ekHasNib: checkbox,
    ekHasNpwp: checkbox,
    ekHasPirt: checkbox,
    ekHasHalal: checkbox,
    kbliCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Kode KBLI terdiri dari 5 angka (mis. 56210)")
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    ekInaprocAccount: checkbox,
    ekProductLive: checkbox,
    ekatalogUrl: z
      .string()
      .trim()
      .url("Tautan produk tidak valid")
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
  })
  .strict()
  .refine((c) => !c.ekProductLive || Boolean(c.ekatalogUrl), {
    message: "Produk tayang harus disertai tautan produknya di e-Katalog",
    path: ["ekatalogUrl"],
  });

export const documentSchema = z
  .object({
    type: z.enum(["NIB", "NPWP", "PIRT", "HALAL"], { message: "Pilih jenis dokumen" }),
    // NIB and NPWP take their number from the vendor's identity fields (lib/domain/vendor.ts IDENTITY_DOCUMENTS).
    number: z.string().trim().max(100).optional(),
    issuedOn: day,
    expiresOn: day,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!identityNumberField(d.type) && (d.number ?? "").length < 3)
      ctx.addIssue({ code: "custom", path: ["number"], message: "Nomor dokumen minimal 3 huruf" });
    if (d.issuedOn && d.expiresOn && d.expiresOn <= d.issuedOn)
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Tanggal berlaku harus sesudah tanggal terbit" });
  });

export const vendorLoginSchema = z
  .object({
    username: usernameSchema,
    password: initialPasswordSchema,
  })
  .strict();
