"use client";
// Refusal keys (lib/domain/validation-message.ts) written in the page's language in the browser — the order form's
// instant check shows the same words the server would. Needs the "validation" parts it writes in ClientMessages.
import { useLocale, useTranslations } from "next-intl";
import { writeValidation, type ValidationWriter } from "@/lib/domain/validation-message";
import { valueFormatWith } from "@/lib/i18n/value-format";
import { toLocale } from "@/lib/i18n/locales";

export function useValidationText(): (text: string) => string {
  const t = useTranslations("validation");
  const locale = toLocale(useLocale());
  const has = (key: string) => t.has(key as never);
  const w: ValidationWriter = {
    t: (key, values) => (has(key) ? t(key as never, values as never) : key),
    format: valueFormatWith(locale, (key) => {
      const k = key.replace(/^validation\./, "");
      return has(k) ? t(k as never) : key;
    }),
  };
  return (text) => writeValidation(text, w);
}
