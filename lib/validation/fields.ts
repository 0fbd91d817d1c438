// Form fields read the Indonesian way (lib/domain/indonesian-input.ts), shared by every schema: whole numbers typed
// as "20.000" or "Rp 20.000", and phone numbers typed as "0813 3111 2222" or "+62 813…", stored in one form (0813…).
import { z } from "zod";
import { isMobile, normalizePhone, parseIndonesianInteger } from "@/lib/domain/indonesian-input";

/** `schema` (a number rule) over what the user typed, with thousands dots, "Rp" and ",00" understood. */
export function indonesianNumber<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess(parseIndonesianInteger, schema);
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
