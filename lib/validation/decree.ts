// A decree's header and allocation matrix as admins enter them; messages as refusal keys (lib/domain/validation-message.ts).
import { z } from "zod";
import { isCalendarDay } from "@/lib/domain/text";
import { vm } from "@/lib/domain/validation-message";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, vm("common.dateInvalid"))
  .refine(isCalendarDay, vm("common.dateNotOnCalendar"));
const optionalDay = day
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();

export const decreeHeaderSchema = z
  .object({
    number: z.string().trim().min(3, vm("decree.numberShort")).max(100),
    title: z.string().trim().min(5, vm("decree.titleShort")).max(300),
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
    message: vm("decree.endBeforeStart"),
    path: ["effectiveTo"],
  });
export type DecreeHeader = z.infer<typeof decreeHeaderSchema>;

/** The grid as posted: "opdId:vendorId" pairs that are ticked. */
export const allocationPairsSchema = z
  .array(z.string().regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/, vm("decree.unknownCell")))
  .max(100_000);
