// Refusals written in a reader's language (lib/domain/validation-message.ts): the boundary that shows a use case's
// refusal — a server action's field messages, a form post's reason, an import's row report — writes its tokens here.
import { catalogueTranslator, valueFormat } from "@/lib/i18n/notices";
import type { AppLocale } from "@/lib/i18n/locales";
import { writeIssues, writeValidation, type ValidationWriter } from "@/lib/domain/validation-message";

const writers = new Map<AppLocale, ValidationWriter>();

/** How `locale` writes refusals. */
export function validationWriter(locale: AppLocale): ValidationWriter {
  let w = writers.get(locale);
  if (!w) {
    const t = catalogueTranslator(locale);
    w = {
      t: (key, values) =>
        t.has(`validation.${key}` as never) ? t(`validation.${key}` as never, values as never) : key,
      format: valueFormat(locale),
    };
    writers.set(locale, w);
  }
  return w;
}

/** A refusal's text in `locale`. */
export function validationText(text: string, locale: AppLocale): string {
  return writeValidation(text, validationWriter(locale));
}

/** A refusal's field messages in `locale`. */
export function validationIssues(
  issues: Record<string, string[] | undefined> | undefined,
  locale: AppLocale,
): Record<string, string[]> | undefined {
  return writeIssues(issues, validationWriter(locale));
}
