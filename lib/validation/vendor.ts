// What a vendor may change about itself (the rest — status, documents, e-Katalog — is the admins').
// Shared by the forms and the use cases; messages as refusal keys (lib/domain/validation-message.ts).
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/text";
import { indonesianNumber, optionalEmail, phoneField } from "@/lib/validation/fields";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { vm } from "@/lib/domain/validation-message";

/** Portions a day a vendor can cook (1–5.000), as typed ("1.000"): the vendor's own form and the admin's. */
export const dailyCapacityPax = indonesianNumber(
  z
    .number({ message: vm("vendor.capacityNumber") })
    .int(vm("vendor.capacityWhole"))
    .min(1, vm("vendor.capacityMin"))
    .max(5000, vm("vendor.capacityMax")),
);

export const vendorContactSchema = z
  .object({
    whatsapp: phoneField(vm("common.whatsapp")),
    dailyCapacityPax,
    // Where offers and notices can also go by e-mail; empty = none.
    email: optionalEmail(vm("vendor.emailExample")),
    version: z.coerce.number().int().min(1),
  })
  .strict();

export const menuItemSchema = z
  .object({
    id: z.string().uuid().optional(),
    category: z.enum(MENU_CATEGORIES, { message: vm("common.menuCategory") }),
    name: z.string().trim().min(3, vm("menu.nameShort")).max(100, vm("menu.nameLong")),
    description: z.string().trim().max(300, vm("menu.descriptionLong")).optional(),
    pricePerPax: indonesianNumber(
      z
        .number({ message: vm("menu.priceNumber") })
        .int(vm("menu.priceWhole"))
        .min(1000, vm("menu.priceMin"))
        .max(1_000_000, vm("menu.priceMax")),
    ),
    active: z.boolean(),
  })
  .strict();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, vm("common.dateInvalid"))
  .refine(isCalendarDay, vm("common.dateNotOnCalendar"));
export const unavailableDaySchema = z
  .object({ day, reason: z.string().trim().max(200, vm("common.reasonLong")).optional() })
  .strict();
export const removeUnavailableDaySchema = z.object({ day }).strict();
