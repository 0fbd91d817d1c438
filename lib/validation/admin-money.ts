// OPDs, their staff accounts, budgets (pagu) and price ceilings as admins enter them.
import { z } from "zod";
import { optionalEmail, phoneField, rupiahAmount } from "@/lib/validation/fields";
import { initialPasswordSchema, usernameSchema } from "@/lib/validation/account";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { normalizeNip } from "@/lib/domain/letters";
import { vm, type AmountName } from "@/lib/domain/validation-message";

export const opdSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, vm("opd.code")),
    name: z.string().trim().min(5, vm("opd.nameShort")).max(200),
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
          ctx.addIssue({ code: "custom", message: vm("opd.nip") });
          return z.NEVER;
        }
        return nip;
      })
      .nullable()
      .optional(),
    headTitle: z
      .string()
      .trim()
      .max(150, vm("opd.titleLong"))
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    // The office phone, read the Indonesian way (lib/validation/fields.ts); empty = none.
    phone: z
      .literal("")
      .transform(() => null)
      .or(phoneField(vm("opd.phone")))
      .nullable()
      .optional(),
  })
  .strict();

export const staffSchema = z
  .object({
    username: usernameSchema,
    name: z.string().trim().min(3, vm("account.nameShort")).max(120),
    email: optionalEmail(vm("common.email")),
    password: initialPasswordSchema,
  })
  .strict();

const rupiah = (amount: AmountName) => rupiahAmount(amount, { max: 1_000_000_000_000, example: "25.000.000" });

export const budgetSchema = z
  .object({
    fiscalYear: z.coerce.number().int().min(2020, vm("budget.fiscalYear")).max(2100, vm("budget.fiscalYear")),
    accountCode: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+){3,6}$/, vm("budget.accountCode")),
    accountName: z.string().trim().min(3, vm("budget.accountName")).max(200),
    pagu: rupiah("pagu"),
  })
  .strict();

export const ceilingSchema = z
  .object({
    category: z.enum(MENU_CATEGORIES, { message: vm("ceiling.category") }),
    fiscalYear: z.coerce.number().int().min(2020, vm("budget.fiscalYear")).max(2100, vm("budget.fiscalYear")),
    maxPerPax: rupiah("priceCeiling").pipe(z.number().min(1000, vm("ceiling.min"))),
    basis: z
      .string()
      .trim()
      .max(200)
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
  })
  .strict();
