// One schema for the order form and the server: refusal keys written in the reader's language, integer rupiah.
import { z } from "zod";
import { indonesianNumber, phoneField } from "@/lib/validation/fields";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { vm } from "@/lib/domain/validation-message";

export const orderInputSchema = z.object({
  idempotencyKey: z.string().trim().min(8, vm("order.idempotencyKey")).max(100),
  eventName: z.string().trim().min(3, vm("order.eventNameShort")).max(200, vm("order.eventNameLong")),
  deliveryAt: z.coerce.date({ message: vm("order.deliveryAtInvalid") }),
  place: z.string().trim().min(3, vm("order.placeRequired")).max(300),
  contactName: z.string().trim().min(2, vm("order.contactRequired")).max(100),
  contactPhone: phoneField(vm("order.contactPhone"), { mobile: true }),
  pax: indonesianNumber(
    z
      .number({ message: vm("order.paxNumber") })
      .int(vm("order.paxWhole"))
      .min(1, vm("order.paxMin"))
      .max(5000, vm("order.paxMax")),
  ),
  category: z.enum(MENU_CATEGORIES, { message: vm("common.menuCategory") }),
  unitPrice: indonesianNumber(
    z
      .number({ message: vm("order.priceNumber") })
      .int(vm("order.priceWhole"))
      .min(1000, vm("order.priceMin"))
      .max(10_000_000, vm("order.priceMax")),
  ),
  accountCode: z
    .string()
    .trim()
    .regex(/^\d(\.\d{1,4}){5}$/, vm("order.accountCode")),
  method: z.enum(["PENGADAAN_LANGSUNG", "E_PURCHASING"], { message: vm("order.method") }),
  notes: z.string().trim().max(1000).optional().nullable(),
  /** The OPD confirmed an unusually large order (lib/domain/order-size.ts). */
  confirmLarge: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).optional(),
});

export type OrderInput = z.infer<typeof orderInputSchema>;
