// Form fields read the Indonesian way (lib/domain/indonesian-input.ts), shared by every schema: whole numbers typed
// as "20.000" or "Rp 20.000", and phone numbers typed as "0813 3111 2222" or "+62 813…", stored in one form (0813…).
import { z } from "zod";
import { isMobile, normalizePhone, parseIndonesianInteger } from "@/lib/domain/indonesian-input";
import { vm, type AmountName } from "@/lib/domain/validation-message";

/** `schema` (a number rule) over what the user typed, with thousands dots, "Rp" and ",00" understood. */
export function indonesianNumber<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess(parseIndonesianInteger, schema);
}

/**
 * An amount in whole rupiah as typed ("25.000.000", "Rp 1.250.000"), 0 or more and at most `max`; refusals name the
 * amount by its catalogue label (messages → validation.amounts) and show an example of how to type it.
 */
export function rupiahAmount(amount: AmountName, opts: { max: number; example: string }) {
  const what = { label: `validation.amounts.${amount}` };
  return indonesianNumber(
    z
      .number({ message: vm("money.number", { what, example: opts.example }) })
      .int(vm("money.whole", { what }))
      .min(0, vm("money.negative", { what }))
      .max(opts.max, vm("money.tooLarge", { what })),
  );
}

/**
 * An e-mail address that may be left empty (null), kept in lower case; `message` when it is not one. The one rule for
 * every form that takes an address (an OPD's staff, a vendor by its admin, a vendor itself).
 */
export function optionalEmail(message: string) {
  return z
    .string()
    .trim()
    .max(200, message)
    .email(message)
    .transform((v) => v.toLowerCase())
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional();
}

/** A phone number, normalised to its local form (0813…); `mobile` requires one WhatsApp and SMS can reach. */
export function phoneField(message: string, opts: { mobile?: boolean } = {}) {
  return z
    .string({ message })
    .trim()
    .transform((v, ctx) => {
      const local = normalizePhone(v);
      if (!local || (opts.mobile && !isMobile(local))) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return local;
    });
}
