// What an admin records about a UMKM: identity and contact, its documents, the e-Katalog checklist and
// the owner's login. Shared by the forms and the use cases; messages as refusal keys (lib/domain/validation-message.ts).
import { z } from "zod";
import { findKecamatan, findKelurahan, KELURAHAN } from "@/lib/domain/wilayah";
import { isCalendarDay } from "@/lib/domain/text";
import { DOCUMENT_TYPES, identityNumberField } from "@/lib/domain/vendor";
import { initialPasswordSchema, usernameSchema } from "@/lib/validation/account";
import { dailyCapacityPax } from "@/lib/validation/vendor";
import { optionalEmail, phoneField } from "@/lib/validation/fields";
import { vm } from "@/lib/domain/validation-message";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, vm("common.dateInvalid"))
  .refine(isCalendarDay, vm("common.dateNotOnCalendar"))
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
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, vm("vendor.code")),
    name: z.string().trim().min(3, vm("vendor.nameShort")).max(120),
    ownerName: z.string().trim().min(3, vm("vendor.ownerShort")).max(120),
    nib: z
      .string()
      .trim()
      .regex(/^\d{13}$/, vm("vendor.nib"))
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    npwp: z
      .string()
      .trim()
      .refine((v) => v === "" || [15, 16].includes(v.replace(/\D/g, "").length), vm("vendor.npwp"))
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    address: z.string().trim().min(5, vm("vendor.addressShort")).max(300),
    // One of the city's 18 kelurahan (lib/domain/wilayah.ts), written as the list spells it.
    kelurahan: z
      .string()
      .trim()
      .min(1, vm("vendor.chooseKelurahan"))
      .max(80)
      .transform((v, ctx) => {
        const found = findKelurahan(v);
        if (!found) {
          ctx.addIssue({
            code: "custom",
            // The city's names only, never the text given: this message can travel in a link (lib/domain/form-message.ts).
            message: vm("vendor.kelurahanUnknown", { list: KELURAHAN.map((k) => k.kelurahan).join(", ") }),
          });
          return z.NEVER;
        }
        return found.kelurahan;
      }),
    // Follows from the kelurahan; when given (an import's column), it must agree.
    kecamatan: z.string().trim().max(80).optional(),
    whatsapp: phoneField(vm("common.whatsapp")),
    email: optionalEmail(vm("common.email")),
    dailyCapacityPax,
    hasPp55: checkbox,
  })
  .strict()
  .transform((v, ctx) => {
    const kecamatan = findKelurahan(v.kelurahan)!.kecamatan;
    if (v.kecamatan && findKecamatan(v.kecamatan) !== kecamatan) {
      ctx.addIssue({
        code: "custom",
        path: ["kecamatan"],
        message: vm("vendor.kecamatanMismatch", { kelurahan: v.kelurahan, kecamatan }),
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
      .regex(/^\d{5}$/, vm("vendor.kbli"))
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    ekInaprocAccount: checkbox,
    ekProductLive: checkbox,
    ekatalogUrl: z
      .string()
      .trim()
      .url(vm("vendor.productUrl"))
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
  })
  .strict()
  .refine((c) => !c.ekProductLive || Boolean(c.ekatalogUrl), {
    message: vm("vendor.productLiveNeedsUrl"),
    path: ["ekatalogUrl"],
  });

export const documentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES, { message: vm("vendor.documentType") }),
    // NIB and NPWP take their number from the vendor's identity fields (lib/domain/vendor.ts IDENTITY_DOCUMENTS).
    number: z.string().trim().max(100).optional(),
    issuedOn: day,
    expiresOn: day,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!identityNumberField(d.type) && (d.number ?? "").length < 3)
      ctx.addIssue({ code: "custom", path: ["number"], message: vm("vendor.documentNumber") });
    if (d.issuedOn && d.expiresOn && d.expiresOn <= d.issuedOn)
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: vm("vendor.documentExpiry") });
  });

export const vendorLoginSchema = z
  .object({
    username: usernameSchema,
    password: initialPasswordSchema,
  })
  .strict();
